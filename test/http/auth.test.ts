import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { providerAuth } from '../support/auth.js';
import { adminAuth, testService, validDeclaration, type TestService } from '../support/service.js';

let check: Awaited<ReturnType<typeof openApiResponseValidator>>;
beforeAll(async () => {
  check = await openApiResponseValidator();
});

const SUBMIT = '/v1/providers/{providerId}/declarations';
const submit = (service: TestService, id: string, auth: Record<string, string> = {}, doc = validDeclaration(id)) =>
  request(service.app).post(`/v1/providers/${id}/declarations`).set(auth).set('content-type', 'application/json').send(JSON.stringify(doc));
const mintKey = (service: TestService, body: unknown, auth: Record<string, string> = adminAuth) =>
  request(service.app).post('/v1/keys').set(auth).set('content-type', 'application/json').send(JSON.stringify(body));
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('writes need a key', () => {
  const shared = testService();
  it.each([
    ['no Authorization header', {}, 'Bearer realm="retention-atlas"'],
    ['an unknown well-formed token', bearer(`ra_0123456789abcdef.${'x'.repeat(43)}`), 'Bearer realm="retention-atlas", error="invalid_token"'],
    ['a made-up token', bearer('letmein'), 'Bearer realm="retention-atlas", error="invalid_token"'],
    ['Basic credentials', { Authorization: 'Basic YWRtaW46YWRtaW4=' }, 'Bearer realm="retention-atlas"'],
  ])('refuses %s with 401 problem+json and a challenge, storing nothing', async (_name, auth, challenge) => {
    const service = await shared;
    const res = await submit(service, 'veritalk', auth);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['www-authenticate']).toBe(challenge);
    check('post', SUBMIT, res);
    expect(await service.store.providerIds()).toEqual([]);
  });

  it('lets anyone read without a key', async () => {
    const service = await testService();
    await submit(service, 'veritalk', adminAuth).expect(201);
    await request(service.app).get('/v1/providers/veritalk').expect(200);
  });
});

describe('provider keys', () => {
  it('write their own provider and the version records which key wrote it', async () => {
    const service = await testService();
    const { keyId, ...auth } = await providerAuth(service.keys, 'veritalk');
    const res = await submit(service, 'veritalk', auth);
    expect(res.status).toBe(201);
    expect((await service.store.history('veritalk'))[0].submittedBy).toBe(keyId);
  });

  it('get 403 for another provider, even one whose document names itself', async () => {
    const service = await testService();
    const { keyId, ...auth } = await providerAuth(service.keys, 'veritalk');
    const res = await submit(service, 'rival-chat', auth);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    check('post', SUBMIT, res);
    expect(await service.store.providerIds()).toEqual([]);
    expect(service.audit.entries).toEqual([expect.objectContaining({ keyId, status: 403, path: '/v1/providers/rival-chat/declarations' })]);
  });

  it('cannot reach another provider through encoding tricks in the path', async () => {
    const service = await testService();
    const { keyId: _k, ...auth } = await providerAuth(service.keys, 'veritalk');
    for (const path of ['/v1/providers/VERITALK/declarations', '/v1/providers/veritalk%2F..%2Frival/declarations', '/v1/providers/rival-chat%00/declarations']) {
      const res = await request(service.app).post(path).set(auth).set('content-type', 'application/json').send(JSON.stringify(validDeclaration('rival-chat')));
      expect([400, 403, 404]).toContain(res.status);
    }
    expect(await service.store.providerIds()).toEqual([]);
  });

  it('cannot mint, list or revoke keys, nor read the audit trail', async () => {
    const service = await testService();
    const { keyId, ...auth } = await providerAuth(service.keys, 'veritalk');
    const minted = await mintKey(service, { role: 'admin' }, auth);
    expect(minted.status).toBe(403);
    check('post', '/v1/keys', minted);
    const listed = await request(service.app).get('/v1/keys').set(auth);
    expect(listed.status).toBe(403);
    check('get', '/v1/keys', listed);
    const revoked = await request(service.app).delete(`/v1/keys/${keyId}`).set(auth);
    expect(revoked.status).toBe(403);
    check('delete', '/v1/keys/{keyId}', revoked);
    const audit = await request(service.app).get('/v1/audit').set(auth);
    expect(audit.status).toBe(403);
    check('get', '/v1/audit', audit);
  });
});

describe('key management', () => {
  it('mints a provider key whose token is shown once and works at once', async () => {
    const service = await testService();
    const res = await mintKey(service, { role: 'provider', providerId: 'veritalk', label: 'VeriTalk legal' });
    expect(res.status).toBe(201);
    check('post', '/v1/keys', res);
    expect(res.body).toMatchObject({ role: 'provider', providerId: 'veritalk', label: 'VeriTalk legal' });
    const stored = await service.keys.find(res.body.id);
    expect(JSON.stringify(stored)).not.toContain(res.body.token);
    await submit(service, 'veritalk', bearer(res.body.token)).expect(201);
    await submit(service, 'other-one', bearer(res.body.token)).expect(403);
  });

  it('mints admin keys that may write any provider and mint further keys', async () => {
    const service = await testService();
    const admin = await mintKey(service, { role: 'admin' }).expect(201);
    expect(admin.body.providerId).toBeNull();
    await submit(service, 'any-provider', bearer(admin.body.token)).expect(201);
    await mintKey(service, { role: 'provider', providerId: 'x-y' }, bearer(admin.body.token)).expect(201);
  });

  it.each([
    [{}, '/role'],
    [{ role: 'root' }, '/role'],
    [{ role: 'provider' }, '/providerId'],
    [{ role: 'provider', providerId: 'Not A Slug' }, '/providerId'],
    [{ role: 'admin', providerId: 'veritalk' }, '/providerId'],
    [{ role: 'admin', scopes: ['*'] }, '/scopes'],
  ])('answers 422 with a pointer for %j', async (body, pointer) => {
    const service = await testService();
    const res = await mintKey(service, body);
    expect(res.status).toBe(422);
    check('post', '/v1/keys', res);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
  });

  it('lists keys without tokens or hashes', async () => {
    const service = await testService();
    const minted = await mintKey(service, { role: 'provider', providerId: 'veritalk' }).expect(201);
    const res = await request(service.app).get('/v1/keys').set(adminAuth).expect(200);
    check('get', '/v1/keys', res);
    expect(res.body.keys.map((k: { id: string }) => k.id)).toEqual(['admin-env', minted.body.id]);
    expect(res.text).not.toMatch(/sha256|ra_[0-9a-f]{16}\./);
    const anonymous = await request(service.app).get('/v1/keys');
    expect(anonymous.status).toBe(401);
    check('get', '/v1/keys', anonymous);
  });

  it('revokes a key: it stops working at once and stays listed', async () => {
    const service = await testService();
    const minted = await mintKey(service, { role: 'provider', providerId: 'veritalk' }).expect(201);
    const res = await request(service.app).delete(`/v1/keys/${minted.body.id}`).set(adminAuth);
    expect(res.status).toBe(204);
    check('delete', '/v1/keys/{keyId}', res);
    const refused = await submit(service, 'veritalk', bearer(minted.body.token));
    expect(refused.status).toBe(401);
    const listed = await request(service.app).get('/v1/keys').set(adminAuth);
    expect(listed.body.keys[1].revokedAt).toEqual(expect.any(String));
    await request(service.app).delete(`/v1/keys/${minted.body.id}`).set(adminAuth).expect(204);
    const missing = await request(service.app).delete('/v1/keys/key_nothing').set(adminAuth);
    expect(missing.status).toBe(404);
    check('delete', '/v1/keys/{keyId}', missing);
    const bootstrap = await request(service.app).delete('/v1/keys/admin-env').set(adminAuth);
    expect(bootstrap.status).toBe(409);
    check('delete', '/v1/keys/{keyId}', bootstrap);
  });

  it('refuses every write when no admin is configured and no key exists', async () => {
    const service = await testService(undefined, { auth: undefined });
    expect((await submit(service, 'veritalk', adminAuth)).status).toBe(401);
  });
});

describe('the audit trail', () => {
  it('records who made every write, newest first, for admins only', async () => {
    const service = await testService();
    const minted = await mintKey(service, { role: 'provider', providerId: 'veritalk' }).expect(201);
    await submit(service, 'veritalk', bearer(minted.body.token)).expect(201);
    await submit(service, 'veritalk', {}).expect(401);
    await request(service.app).delete(`/v1/keys/${minted.body.id}`).set(adminAuth).expect(204);
    const res = await request(service.app).get('/v1/audit').set(adminAuth).expect(200);
    check('get', '/v1/audit', res);
    expect(res.body.total).toBe(3);
    expect(res.body.items.map((e: Record<string, unknown>) => [e.keyId, e.method, e.status, e.resource])).toEqual([
      ['admin-env', 'DELETE', 204, `/v1/keys/${minted.body.id}`],
      [minted.body.id, 'POST', 201, '/v1/providers/veritalk/declarations/1'],
      ['admin-env', 'POST', 201, `/v1/keys/${minted.body.id}`],
    ]);
    const anonymous = await request(service.app).get('/v1/audit');
    expect(anonymous.status).toBe(401);
    check('get', '/v1/audit', anonymous);
  });
});
