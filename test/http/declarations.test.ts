import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { adminAuth, testService, validDeclaration } from '../support/service.js';

let check: Awaited<ReturnType<typeof openApiResponseValidator>>;
beforeAll(async () => {
  check = await openApiResponseValidator();
});

const submit = (app: Parameters<typeof request>[0], id: string, body: unknown) =>
  request(app).post(`/v1/providers/${id}/declarations`).set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(body));

describe('POST /v1/providers/{providerId}/declarations', () => {
  it('stores a valid declaration as version 1 and answers 201 with Location', async () => {
    const { app } = await testService();
    const res = await submit(app, 'veritalk', validDeclaration());
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe('/v1/providers/veritalk/declarations/1');
    expect(res.body).toMatchObject({ providerId: 'veritalk', version: 1 });
    expect(res.body.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    check('post', '/v1/providers/{providerId}/declarations', res);
  });

  it('numbers versions 1, 2, 3 and keeps each one', async () => {
    const { app } = await testService();
    for (const asOf of ['2024-01-01', '2024-02-01', '2024-03-01']) await submit(app, 'veritalk', { ...validDeclaration(), asOf }).expect(201);
    const history = await request(app).get('/v1/providers/veritalk/declarations').expect(200);
    expect(history.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2, 3]);
    check('get', '/v1/providers/{providerId}/declarations', history);
    const second = await request(app).get('/v1/providers/veritalk/declarations/2').expect(200);
    expect(second.body.asOf).toBe('2024-02-01');
  });

  it('returns a version byte for byte as submitted, whitespace and key order included', async () => {
    const { app } = await testService();
    const text = JSON.stringify(validDeclaration(), null, 3).replace('"format"', '"format"   ') + '\n';
    await request(app).post('/v1/providers/veritalk/declarations').set(adminAuth).set('content-type', 'application/json').send(text).expect(201);
    const res = await request(app).get('/v1/providers/veritalk/declarations/1').buffer(true).parse((r, cb) => {
      let data = '';
      r.on('data', (c: Buffer) => (data += c.toString('utf8')));
      r.on('end', () => cb(null, data));
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe(text);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it('answers 422 with a pointer when provider.id differs from the path', async () => {
    const { app, store } = await testService();
    const res = await submit(app, 'other-provider', validDeclaration('veritalk'));
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/provider/id', keyword: 'providerMismatch' })]);
    expect(await store.providerIds()).toEqual([]);
    check('post', '/v1/providers/{providerId}/declarations', res);
  });

  it('stores nothing when the document is invalid', async () => {
    const { app, store } = await testService();
    const doc = validDeclaration();
    doc.dataCategories[0].retention = { kind: 'fixed', duration: 'P14m' };
    const res = await submit(app, 'veritalk', doc);
    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ pointer: '/dataCategories/0/retention/duration', keyword: 'format' }));
    expect(await store.history('veritalk')).toEqual([]);
  });

  it('answers 400 problem+json for malformed JSON and 415 for other media types', async () => {
    const { app } = await testService();
    const malformed = await request(app).post('/v1/providers/veritalk/declarations').set(adminAuth).set('content-type', 'application/json').send('{"format":');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/^application\/problem\+json/);
    check('post', '/v1/providers/{providerId}/declarations', malformed);
    const wrongType = await request(app).post('/v1/providers/veritalk/declarations').set(adminAuth).set('content-type', 'text/plain').send('hello');
    expect(wrongType.status).toBe(415);
    check('post', '/v1/providers/{providerId}/declarations', wrongType);
  });

  it('rejects a path provider id that is not a slug with 400', async () => {
    const { app } = await testService();
    const res = await submit(app, 'Not_A_Slug', validDeclaration());
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('never loses or duplicates versions under concurrent submissions', async () => {
    const { app } = await testService();
    const distinct = (i: number) => ({ ...validDeclaration(), provider: { ...validDeclaration().provider, name: `VeriTalk ${i}` } });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => submit(app, 'veritalk', distinct(i))));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const versions = results.map((r) => r.body.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const provider = await request(app).get('/v1/providers/veritalk').expect(200);
    expect(provider.body.latestVersion).toBe(40);
  });

  it('answers an identical resubmission of the latest version with 200 and that version, storing nothing', async () => {
    const { app, store } = await testService();
    const first = await submit(app, 'veritalk', validDeclaration());
    expect(first.status).toBe(201);
    expect(first.body.created).toBe(true);
    const again = await Promise.all([1, 2, 3].map(() => submit(app, 'veritalk', validDeclaration())));
    for (const res of again) {
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ version: 1, created: false, hash: first.body.hash, location: '/v1/providers/veritalk/declarations/1' });
    }
    expect((await store.history('veritalk')).length).toBe(1);
    const changed = await submit(app, 'veritalk', { ...validDeclaration(), asOf: '2024-07-01' });
    expect(changed.status).toBe(201);
    expect(changed.body.version).toBe(2);
  });
});

describe('reading providers', () => {
  it('lists providers with their latest version, paginated', async () => {
    const { app } = await testService();
    for (const id of ['alpha-mail', 'beta-chat', 'gamma-voice']) await submit(app, id, validDeclaration(id)).expect(201);
    await submit(app, 'beta-chat', { ...validDeclaration('beta-chat'), asOf: '2025-01-01' }).expect(201);
    const page = await request(app).get('/v1/providers?limit=2&offset=1').expect(200);
    check('get', '/v1/providers', page);
    expect(page.body.total).toBe(3);
    expect(page.body.items.map((p: { providerId: string }) => p.providerId)).toEqual(['beta-chat', 'gamma-voice']);
    expect(page.body.items[0]).toMatchObject({ latestVersion: 2, asOf: '2025-01-01' });
  });

  it('rejects a bad page size with 400', async () => {
    const { app } = await testService();
    const res = await request(app).get('/v1/providers?limit=0');
    expect(res.status).toBe(400);
    check('get', '/v1/providers', res);
    expect((await request(app).get('/v1/providers?limit=100000')).status).toBe(400);
    expect((await request(app).get('/v1/providers?offset=-1')).status).toBe(400);
  });

  it('returns the latest declaration and summary of a provider', async () => {
    const { app } = await testService();
    await submit(app, 'veritalk', validDeclaration()).expect(201);
    const res = await request(app).get('/v1/providers/veritalk').expect(200);
    check('get', '/v1/providers/{providerId}', res);
    expect(res.body.declaration.provider.id).toBe('veritalk');
    expect(res.body.latestVersion).toBe(1);
  });

  it('answers 404 problem+json for an unknown provider or version', async () => {
    const { app } = await testService();
    await submit(app, 'veritalk', validDeclaration()).expect(201);
    for (const url of ['/v1/providers/nobody', '/v1/providers/nobody/declarations', '/v1/providers/veritalk/declarations/2']) {
      const res = await request(app).get(url);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 404, title: 'Not Found' });
    }
    const bad = await request(app).get('/v1/providers/veritalk/declarations/zero');
    expect(bad.status).toBe(400);
    check('get', '/v1/providers/{providerId}/declarations/{version}', bad);
  });

  it('answers 404 problem+json for unknown routes', async () => {
    const { app } = await testService();
    const res = await request(app).get('/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
