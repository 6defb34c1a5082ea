import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { adminAuth, testService, validDeclaration, type TestService } from '../support/service.js';

const json = { 'content-type': 'application/json' };
const SOURCE = { url: 'https://example.org/report', title: 'Report', kind: 'technical-test' };
const body = (pointer: string, value: unknown, extra: object = {}) => ({ pointer, value, statement: 'Tested.', observedAt: '2024-05-01', sources: [SOURCE], ...extra });

let check: Awaited<ReturnType<typeof openApiResponseValidator>>;
let service: TestService;
const observe = (id: string, doc: unknown) => request(service.app).post(`/v1/providers/${id}/observations`).set(adminAuth).set(json).send(JSON.stringify(doc));

beforeAll(async () => {
  check = await openApiResponseValidator();
  service = await testService();
  await request(service.app).post('/v1/providers/veritalk/declarations').set(adminAuth).set(json).send(JSON.stringify(validDeclaration())).expect(201);
  await observe('veritalk', body('/dataCategories/message-content/protection', { inTransit: 'transport', atRest: 'provider-managed' })).expect(201);
  await observe('veritalk', body('/dataCategories/message-content/retention', { kind: 'indefinite' })).expect(201);
  await observe('silent-chat', body('/legalProcess/liveInterception', 'supported', { providerName: 'Silent Chat' })).expect(201);
});

describe('GET /v1/providers/{id}/exposure?basis=observed', () => {
  it('scores the declaration with observations in place, says where it differs and which observations drive it', async () => {
    const res = await request(service.app).get('/v1/providers/veritalk/exposure?basis=observed&lawDate=2026-01-01&category=message-content').expect(200);
    check('get', '/v1/providers/{providerId}/exposure', res);
    expect(res.body).toEqual(expect.objectContaining({ providerId: 'veritalk', basis: 'observed', declaredByProvider: true, version: 1, lawDate: '2026-01-01', observations: { applied: [1, 2], unapplied: [], assessed: [] } }));
    const declared = await request(service.app).get('/v1/providers/veritalk/exposure?lawDate=2026-01-01&category=message-content').expect(200);
    const worst = (b: { cells: { worstCase: number }[] }) => Math.max(...b.cells.map((c) => c.worstCase));
    const established = (b: { cells: { established: number }[] }) => b.cells.reduce((sum, c) => sum + c.established, 0);
    expect(established(res.body)).toBeGreaterThan(established(declared.body));
    expect(worst(res.body)).toBeGreaterThanOrEqual(worst(declared.body));
    expect(res.body.differences.length).toBeGreaterThan(0);
    for (const d of res.body.differences) {
      expect(d.category).toBe('message-content');
      expect(d.observations.length).toBeGreaterThan(0);
    }
  });

  it('refuses an unknown basis with 400', async () => {
    const res = await request(service.app).get('/v1/providers/veritalk/exposure?basis=rumoured');
    expect(res.status).toBe(400);
    check('get', '/v1/providers/{providerId}/exposure', res);
  });

  it('answers for a provider that never declared, marked, on either basis', async () => {
    const observed = await request(service.app).get('/v1/providers/silent-chat/exposure?basis=observed').expect(200);
    check('get', '/v1/providers/{providerId}/exposure', observed);
    expect(observed.body).toEqual(expect.objectContaining({ declaredByProvider: false, name: 'Silent Chat', asOf: '2024-05-01' }));
    expect(observed.body.version).toBeUndefined();
    const declared = await request(service.app).get('/v1/providers/silent-chat/exposure').expect(200);
    expect(declared.body).toEqual(expect.objectContaining({ declaredByProvider: false, basis: 'declared' }));
    // Silence everywhere: every range is as wide as the model makes it.
    expect(declared.body.cells.every((c: { established: number; worstCase: number }) => c.worstCase >= c.established)).toBe(true);
  });
});

describe('POST /v1/score?basis=observed', () => {
  it('scores a what-if: a declaration and observations', async () => {
    const res = await request(service.app)
      .post('/v1/score?basis=observed&category=message-content&jurisdiction=US')
      .set(json)
      .send(JSON.stringify({ declaration: validDeclaration(), observations: [body('/dataCategories/message-content/retention', { kind: 'indefinite' })] }));
    expect(res.status).toBe(200);
    check('post', '/v1/score', res);
    expect(res.body).toEqual(expect.objectContaining({ basis: 'observed', observations: { applied: [1], unapplied: [] } }));
    expect(res.body.cells).toHaveLength(1);
  });

  it('points into the body for a bad declaration or a bad observation', async () => {
    const decl = validDeclaration();
    decl.asOf = 'yesterday';
    const bad = await request(service.app).post('/v1/score?basis=observed').set(json).send(JSON.stringify({ declaration: decl, observations: [body('/legalProcess/wiretaps', 'yes')] }));
    expect(bad.status).toBe(422);
    check('post', '/v1/score', bad);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/declaration/asOf']);
    const obs = await request(service.app).post('/v1/score?basis=observed').set(json).send(JSON.stringify({ declaration: validDeclaration(), observations: [body('/legalProcess/wiretaps', 'yes')] }));
    expect(obs.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/observations/0/pointer']);
  });
});

describe('GET /v1/exposure?basis=observed', () => {
  it('ranks providers as observed, those that never declared among them and marked', async () => {
    const res = await request(service.app).get('/v1/exposure?basis=observed&category=message-content').expect(200);
    check('get', '/v1/exposure', res);
    expect(res.body.basis).toBe('observed');
    const rows = Object.fromEntries(res.body.items.map((r: { providerId: string }) => [r.providerId, r]));
    expect(rows.veritalk).toEqual(expect.objectContaining({ declaredByProvider: true, observations: 2, latestVersion: 1 }));
    expect(rows['silent-chat']).toEqual(expect.objectContaining({ declaredByProvider: false, latestVersion: null, name: 'Silent Chat' }));
  });
});

describe('GET /v1/exposure (declared basis)', () => {
  it('names providers known only from observations apart, never ranked among self-declared ones', async () => {
    const res = await request(service.app).get('/v1/exposure').expect(200);
    check('get', '/v1/exposure', res);
    expect(res.body.items.map((r: { providerId: string }) => r.providerId)).not.toContain('silent-chat');
    expect(res.body.notDeclaredByProvider).toEqual(['silent-chat']);
  });
});

describe('reviewer writes are rate-limited like any keyed write', () => {
  it('answers 429 past the limit', async () => {
    const limited = await testService(undefined, { rateLimitPerMinute: 2 });
    const key = await request(limited.app).post('/v1/keys').set(adminAuth).set(json).send(JSON.stringify({ role: 'reviewer', organisation: 'Busy Group' })).expect(201);
    const auth = { Authorization: `Bearer ${key.body.token}` };
    const write = () => request(limited.app).post('/v1/providers/busy/observations').set(auth).set(json).send(JSON.stringify(body('/legalProcess/liveInterception', 'supported', { providerName: 'Busy' })));
    expect((await write()).status).toBe(201);
    expect((await write()).status).toBe(201);
    const refused = await write();
    expect(refused.status).toBe(429);
    expect(limited.observations.list('busy')).toHaveLength(2);
  });
});
