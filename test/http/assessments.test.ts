import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { providerAuth } from '../support/auth.js';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { adminAuth, testService, validDeclaration, type TestService } from '../support/service.js';

const json = { 'content-type': 'application/json' };
const SOURCE = { url: 'https://citizenlab.ca/2008/10/breaching-trust', title: 'Breaching Trust', publisher: 'Citizen Lab', published: '2008-10-01', kind: 'investigative-report' };
const TOM = { id: 'tom-online', name: 'TOM Online', relationship: 'licensee', jurisdiction: 'CN', capabilities: ['keyword-filtering', 'content-retention'], distributesClient: true, categories: ['message-content'] };
const assessment = (document: object, extra: object = {}) => ({ document, observedAt: '2008-10-01', statement: 'TOM-Skype kept filtered chats in China.', sources: [SOURCE], ...extra });

let check: Awaited<ReturnType<typeof openApiResponseValidator>>;
let service: TestService;
let reviewer: Record<string, string>;
let provider: Record<string, string>;

const assess = (id: string, doc: unknown, auth = reviewer) => request(service.app).post(`/v1/providers/${id}/assessments`).set(auth).set(json).send(JSON.stringify(doc));

beforeAll(async () => {
  check = await openApiResponseValidator();
  service = await testService();
  await request(service.app).post('/v1/providers/veritalk/declarations').set(adminAuth).set(json).send(JSON.stringify(validDeclaration())).expect(201);
  const res = await request(service.app).post('/v1/keys').set(adminAuth).set(json).send(JSON.stringify({ role: 'reviewer', organisation: 'Open Rights Lab' }));
  reviewer = { Authorization: `Bearer ${res.body.token}` };
  const { keyId: _k, ...auth } = await providerAuth(service.keys, 'veritalk');
  provider = auth;
});

describe('assessments of a provider that never declared', () => {
  it('are recorded exactly as submitted, numbered, with the organisation of the key', async () => {
    const body = assessment({ provider: { name: 'Skype (2013)', headquarters: 'LU' }, dataCategories: [{ category: 'message-content', collected: 'yes' }], thirdParties: [TOM] }, { method: 'Read the Citizen Lab report.' });
    const res = await assess('skype-2013', body);
    expect(res.status).toBe(201);
    check('post', '/v1/providers/{providerId}/assessments', res);
    expect(res.headers.location).toBe('/v1/providers/skype-2013/assessments/1');
    const read = await request(service.app).get('/v1/providers/skype-2013/assessments/1').expect(200);
    check('get', '/v1/providers/{providerId}/assessments/{assessmentId}', read);
    expect(read.body).toEqual(expect.objectContaining({ ...body, id: 1, providerId: 'skype-2013', organisation: 'Open Rights Lab', status: 'active', responses: [] }));
    const list = await request(service.app).get('/v1/providers/skype-2013/assessments').expect(200);
    check('get', '/v1/providers/{providerId}/assessments', list);
    expect(list.body).toEqual(expect.objectContaining({ declaredByProvider: false, total: 1 }));
  });

  it('make the provider known to provider reads, marked not declared, naming who assessed it', async () => {
    const res = await request(service.app).get('/v1/providers/skype-2013').expect(200);
    check('get', '/v1/providers/{providerId}', res);
    expect(res.body).toEqual(expect.objectContaining({ providerId: 'skype-2013', name: 'Skype (2013)', declaredByProvider: false, assessedBy: ['Open Rights Lab'], assessments: 1 }));
    const all = await request(service.app).get('/v1/providers').expect(200);
    expect(all.body.notDeclaredByProvider.map((p: { providerId: string }) => p.providerId)).toContain('skype-2013');
  });

  it('act as observations: listed with them, and the party counts as observed, with parties not named left open', async () => {
    const list = await request(service.app).get('/v1/providers/skype-2013/observations').expect(200);
    check('get', '/v1/providers/{providerId}/observations', list);
    expect(list.body.items).toEqual([]);
    expect(list.body.assessed).toEqual(expect.arrayContaining([expect.objectContaining({ assessment: 1, pointer: '/thirdParties/-', value: TOM, atLeast: true, organisation: 'Open Rights Lab' })]));
    const observed = await request(service.app).get('/v1/providers/skype-2013/exposure?basis=observed&jurisdiction=CN&category=message-content').expect(200);
    const cell = observed.body.cells.find((c: { category: string; jurisdiction: string }) => c.category === 'message-content' && c.jurisdiction === 'CN');
    // TOM ships the client and keeps content in China: established rises above 0; the unnamed parties keep the worst case at the top.
    expect(cell.established).toBeGreaterThan(0);
    expect(cell.worstCase).toBe(100);
    check('get', '/v1/providers/{providerId}/exposure', observed);
    expect(observed.body.observations.assessed).toEqual(expect.arrayContaining([{ assessment: 1, fact: expect.any(Number), applied: true }]));
    expect(observed.body.differences).toEqual(expect.arrayContaining([expect.objectContaining({ category: 'message-content', jurisdiction: 'CN', assessments: [1] })]));
    const rank = await request(service.app).get('/v1/exposure?basis=observed').expect(200);
    check('get', '/v1/exposure', rank);
    expect(rank.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ providerId: 'skype-2013', declaredByProvider: false, assessedBy: ['Open Rights Lab'] })]));
    for (const basis of ['declared', 'observed']) {
      const compared = await request(service.app).get(`/v1/compare?providers=veritalk,skype-2013&basis=${basis}`).expect(200);
      check('get', '/v1/compare', compared);
      expect(compared.body.providers).toEqual([
        expect.objectContaining({ providerId: 'veritalk', declaredByProvider: true }),
        expect.objectContaining({ providerId: 'skype-2013', declaredByProvider: false, assessedBy: ['Open Rights Lab'] }),
      ]);
    }
  });

  it('two facts about one fact that disagree give observations-conflict, naming both, for a provider known only from evidence too', async () => {
    const later = await assess('skype-2013', assessment({ legalProcess: { liveInterception: 'supported' } }, { observedAt: '2012-07-26' }));
    expect(later.status).toBe(201);
    const earlier = await assess('skype-2013', assessment({ legalProcess: { liveInterception: 'not-supported' } }, { observedAt: '2008-07-24' }));
    expect(earlier.status).toBe(201);
    const res = await request(service.app).get('/v1/providers/skype-2013/findings').expect(200);
    check('get', '/v1/providers/{providerId}/findings', res);
    expect(res.body).toEqual(expect.objectContaining({ providerId: 'skype-2013', declaredByProvider: false }));
    const [conflict] = res.body.findings.filter((f: { rule: string }) => f.rule === 'observations-conflict');
    expect(conflict.evidence).toEqual(expect.objectContaining({ assessment: later.body.id, observed: 'supported' }));
    expect(conflict.conflictsWith).toEqual(expect.objectContaining({ assessment: earlier.body.id, observed: 'not-supported' }));
    // The observed view uses the later one by date, whatever the order they were recorded in.
    const observed = await request(service.app).get('/v1/providers/skype-2013/exposure?basis=observed&jurisdiction=US&category=message-content').expect(200);
    expect(observed.body.observations.assessed).toEqual(expect.arrayContaining([expect.objectContaining({ assessment: earlier.body.id, applied: true })]));
    for (const id of [later.body.id, earlier.body.id]) await request(service.app).delete(`/v1/providers/skype-2013/assessments/${id}`).set(adminAuth).expect(200);
  });

  it('the first one must name the provider; the document is checked as a fragment, 422 at the bad field', async () => {
    const before = (await request(service.app).get('/v1/providers/skype-2013/assessments')).body.total;
    const unnamed = await assess('skype-2014', assessment({ provider: { headquarters: 'LU' } }));
    expect(unnamed.status).toBe(422);
    expect(unnamed.body.errors).toEqual([expect.objectContaining({ pointer: '/document/provider/name' })]);
    const bad = await assess('skype-2013', assessment({ dataCategories: [{ category: 'message-content', retention: { kind: 'fixed', duration: 'P14m' } }] }));
    expect(bad.status).toBe(422);
    check('post', '/v1/providers/{providerId}/assessments', bad);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/document/dataCategories/0/retention/duration');
    const outside = await assess('skype-2013', assessment({ format: 'retention-declaration/1', governmentRequests: [] }));
    expect(outside.status).toBe(422);
    expect(outside.body.errors.map((e: { keyword: string }) => e.keyword)).toContain('additionalProperties');
    const twice = await assess('skype-2013', assessment({ thirdParties: [TOM, TOM] }));
    expect(twice.status).toBe(422);
    expect(twice.body.errors).toEqual([expect.objectContaining({ pointer: '/document/thirdParties/1/id' })]);
    const other = await assess('skype-2013', assessment({ provider: { id: 'someone-else', name: 'X' } }));
    expect(other.body.errors).toEqual([expect.objectContaining({ pointer: '/document/provider/id' })]);
    expect((await request(service.app).get('/v1/providers/skype-2013/assessments')).body.total).toBe(before);
  });

  it('only reviewers and admins assess; the provider answers; an admin withdraws (kept, marked, no longer applied)', async () => {
    expect((await assess('veritalk', assessment({ legalProcess: { liveInterception: 'supported' } }), provider)).status).toBe(403);
    const recorded = await assess('veritalk', assessment({ legalProcess: { liveInterception: 'supported' } }));
    expect(recorded.status).toBe(201);
    const findings = await request(service.app).get('/v1/providers/veritalk/findings').expect(200);
    const contradiction = findings.body.findings.find((f: { rule: string }) => f.rule === 'contradicted-by-evidence');
    expect(contradiction.evidence).toEqual(expect.objectContaining({ assessment: 1, location: '/v1/providers/veritalk/assessments/1' }));
    const answer = await request(service.app).post('/v1/providers/veritalk/assessments/1/responses').set(provider).set(json).send(JSON.stringify({ statement: 'We cannot.', sources: [] }));
    expect(answer.status).toBe(201);
    check('post', '/v1/providers/{providerId}/assessments/{assessmentId}/responses', answer);
    expect((await request(service.app).delete('/v1/providers/veritalk/assessments/1').set(reviewer)).status).toBe(403);
    const withdrawn = await request(service.app).delete('/v1/providers/veritalk/assessments/1?reason=source%20retracted').set(adminAuth).expect(200);
    check('delete', '/v1/providers/{providerId}/assessments/{assessmentId}', withdrawn);
    expect(withdrawn.body).toEqual(expect.objectContaining({ status: 'withdrawn', responses: [expect.objectContaining({ statement: 'We cannot.' })] }));
    const after = await request(service.app).get('/v1/providers/veritalk/findings').expect(200);
    expect(after.body.findings.filter((f: { rule: string }) => f.rule === 'contradicted-by-evidence')).toEqual([]);
  });
});
