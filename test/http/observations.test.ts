import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { providerAuth } from '../support/auth.js';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { adminAuth, testService, validDeclaration, type TestService } from '../support/service.js';

const json = { 'content-type': 'application/json' };
const SOURCE = { url: 'https://citizenlab.ca/2008/10/breaching-trust', title: 'Breaching Trust', publisher: 'Citizen Lab', published: '2008-10-01', kind: 'investigative-report' };
const body = (pointer: string, value: unknown, extra: object = {}) => ({ pointer, value, statement: 'Seen in the wild.', observedAt: '2012-07-26', sources: [SOURCE], ...extra });

let check: Awaited<ReturnType<typeof openApiResponseValidator>>;
let service: TestService;
let reviewer: Record<string, string>;
let reviewerId: string;
let otherReviewer: Record<string, string>;
let provider: Record<string, string>;

async function mintReviewer(organisation: string) {
  const res = await request(service.app).post('/v1/keys').set(adminAuth).set(json).send(JSON.stringify({ role: 'reviewer', organisation }));
  return { auth: { Authorization: `Bearer ${res.body.token}` }, id: res.body.id as string };
}
const observe = (id: string, doc: unknown, auth = reviewer) => request(service.app).post(`/v1/providers/${id}/observations`).set(auth).set(json).send(JSON.stringify(doc));

beforeAll(async () => {
  check = await openApiResponseValidator();
  service = await testService();
  await request(service.app).post('/v1/providers/veritalk/declarations').set(adminAuth).set(json).send(JSON.stringify(validDeclaration())).expect(201);
  ({ auth: reviewer, id: reviewerId } = await mintReviewer('Open Rights Lab'));
  ({ auth: otherReviewer } = await mintReviewer('Another Group'));
  const { keyId: _k, ...auth } = await providerAuth(service.keys, 'veritalk');
  provider = auth;
});

describe('recording observations', () => {
  it('a reviewer records one: 201, Location, numbered, with its organisation; anyone reads it', async () => {
    const res = await observe('veritalk', body('/legalProcess/liveInterception', 'supported'));
    expect(res.status).toBe(201);
    check('post', '/v1/providers/{providerId}/observations', res);
    expect(res.headers.location).toBe('/v1/providers/veritalk/observations/1');
    expect(res.body).toEqual(expect.objectContaining({ id: 1, providerId: 'veritalk', organisation: 'Open Rights Lab', status: 'active', recordedBy: reviewerId, responses: [] }));
    const read = await request(service.app).get('/v1/providers/veritalk/observations/1').expect(200);
    check('get', '/v1/providers/{providerId}/observations/{observationId}', read);
    const list = await request(service.app).get('/v1/providers/veritalk/observations').expect(200);
    check('get', '/v1/providers/{providerId}/observations', list);
    expect(list.body).toEqual(expect.objectContaining({ providerId: 'veritalk', declaredByProvider: true, total: 1 }));
    expect(service.audit.entries).toContainEqual(expect.objectContaining({ keyId: reviewerId, role: 'reviewer', status: 201, resource: '/v1/providers/veritalk/observations/1' }));
  });

  it('a provider key cannot record observations, not even about itself', async () => {
    const res = await observe('veritalk', body('/legalProcess/liveInterception', 'not-supported'), provider);
    expect(res.status).toBe(403);
    check('post', '/v1/providers/{providerId}/observations', res);
  });

  it('answers 422 with the pointer of the bad field', async () => {
    const bad = await observe('veritalk', body('/legalProcess/wiretaps', 'yes'));
    expect(bad.status).toBe(422);
    check('post', '/v1/providers/{providerId}/observations', bad);
    expect(bad.body.errors).toEqual([expect.objectContaining({ pointer: '/pointer' })]);
    const value = await observe('veritalk', body('/dataCategories/message-content/retention', { kind: 'fixed', duration: 'P14m' }));
    expect(value.status).toBe(422);
    expect(value.body.errors).toEqual([expect.objectContaining({ pointer: '/value/duration', keyword: 'format' })]);
  });

  it('escapes nothing on the way in and keeps the text as given (pages escape it)', async () => {
    const res = await observe('veritalk', body('/provider/headquarters', 'US', { statement: '<script>alert(1)</script>' }));
    expect(res.status).toBe(201);
    expect(res.body.statement).toBe('<script>alert(1)</script>');
  });
});

describe('supersede and withdraw', () => {
  it('a later observation of the same organisation supersedes an earlier one; another organisation may not', async () => {
    const first = await observe('veritalk', body('/legalProcess/encryptionDemands', 'comply'));
    const foreign = await observe('veritalk', body('/legalProcess/encryptionDemands', 'undisclosed', { supersedes: first.body.id }), otherReviewer);
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ pointer: '/supersedes' })]);
    const second = await observe('veritalk', body('/legalProcess/encryptionDemands', 'refuse-or-withdraw', { supersedes: first.body.id }));
    expect(second.status).toBe(201);
    const old = await request(service.app).get(`/v1/providers/veritalk/observations/${first.body.id}`).expect(200);
    expect(old.body).toEqual(expect.objectContaining({ status: 'superseded', supersededBy: second.body.id, value: 'comply' }));
    const again = await observe('veritalk', body('/legalProcess/encryptionDemands', 'comply', { supersedes: first.body.id }));
    expect(again.status).toBe(422);
  });

  it('only an admin withdraws; the observation is kept, marked, and no longer used', async () => {
    const made = await observe('veritalk', body('/legalProcess/guidelinesUrl', 'https://example.org/le'));
    const path = `/v1/providers/veritalk/observations/${made.body.id}`;
    expect((await request(service.app).delete(path).set(reviewer)).status).toBe(403);
    const res = await request(service.app).delete(`${path}?reason=source%20retracted`).set(adminAuth);
    expect(res.status).toBe(200);
    check('delete', '/v1/providers/{providerId}/observations/{observationId}', res);
    expect(res.body).toEqual(expect.objectContaining({ status: 'withdrawn', withdrawn: expect.objectContaining({ reason: 'source retracted' }) }));
    expect(service.observations.placed('veritalk').map((o) => o.id)).not.toContain(made.body.id);
    expect((await request(service.app).get(path)).body.status).toBe('withdrawn');
  });
});

describe('responses', () => {
  it('the provider answers with its own key; shown beside the observation', async () => {
    const res = await request(service.app).post('/v1/providers/veritalk/observations/1/responses').set(provider).set(json).send(JSON.stringify({ statement: 'We do not intercept.', sources: [] }));
    expect(res.status).toBe(201);
    check('post', '/v1/providers/{providerId}/observations/{observationId}/responses', res);
    expect(res.headers.location).toBe('/v1/providers/veritalk/observations/1/responses/1');
    const read = await request(service.app).get(res.headers.location).expect(200);
    check('get', '/v1/providers/{providerId}/observations/{observationId}/responses/{responseId}', read);
    const observation = await request(service.app).get('/v1/providers/veritalk/observations/1').expect(200);
    expect(observation.body.responses).toEqual([expect.objectContaining({ id: 1, statement: 'We do not intercept.' })]);
  });

  it('a reviewer or another provider cannot answer for the provider', async () => {
    const { keyId: _k, ...rival } = await providerAuth(service.keys, 'rival-chat');
    for (const auth of [reviewer, rival]) {
      const res = await request(service.app).post('/v1/providers/veritalk/observations/1/responses').set(auth).set(json).send(JSON.stringify({ statement: 'No.', sources: [] }));
      expect(res.status).toBe(403);
    }
  });

  it('404 for an observation that does not exist, 422 for a response without a statement', async () => {
    expect((await request(service.app).post('/v1/providers/veritalk/observations/99/responses').set(provider).set(json).send('{"statement":"x","sources":[]}')).status).toBe(404);
    const bad = await request(service.app).post('/v1/providers/veritalk/observations/1/responses').set(provider).set(json).send('{"sources":[]}');
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ pointer: '/statement' })]);
  });
});

describe('a revoked reviewer key', () => {
  it('stops at once', async () => {
    const { auth, id } = await mintReviewer('Short-lived');
    expect((await observe('veritalk', body('/provider/headquarters', 'LU'), auth)).status).toBe(201);
    await request(service.app).delete(`/v1/keys/${id}`).set(adminAuth).expect(204);
    const res = await observe('veritalk', body('/provider/headquarters', 'LU'), auth);
    expect(res.status).toBe(401);
  });
});

describe('a provider that never declared', () => {
  it('is named by its first observation, and then listed', async () => {
    const unnamed = await observe('silent-chat', body('/legalProcess/liveInterception', 'supported'));
    expect(unnamed.status).toBe(422);
    expect(unnamed.body.errors).toEqual([expect.objectContaining({ pointer: '/providerName' })]);
    const named = await observe('silent-chat', body('/legalProcess/liveInterception', 'supported', { providerName: 'Silent Chat' }));
    expect(named.status).toBe(201);
    const list = await request(service.app).get('/v1/providers/silent-chat/observations').expect(200);
    expect(list.body.declaredByProvider).toBe(false);
    expect(service.observations.undeclared()).toEqual([{ providerId: 'silent-chat', name: 'Silent Chat', asOf: '2012-07-26' }]);
  });

  it('404 for a provider with neither a declaration nor observations', async () => {
    expect((await request(service.app).get('/v1/providers/nobody-here/observations')).status).toBe(404);
  });
});

describe('findings with evidence', () => {
  it('lists a declared fact an observation contradicts, with pointers to both, the sources and the responses', async () => {
    const res = await request(service.app).get('/v1/providers/veritalk/findings').expect(200);
    check('get', '/v1/providers/{providerId}/findings', res);
    const contradiction = res.body.findings.find((f: { rule: string }) => f.rule === 'contradicted-by-evidence');
    expect(contradiction).toEqual(
      expect.objectContaining({
        severity: 'error',
        pointers: ['/legalProcess/liveInterception'],
        evidence: expect.objectContaining({
          observation: 1,
          pointer: '/legalProcess/liveInterception',
          location: '/v1/providers/veritalk/observations/1',
          declared: 'not-supported',
          observed: 'supported',
          sources: [SOURCE],
          responses: [expect.objectContaining({ statement: 'We do not intercept.' })],
        }),
      }),
    );
  });
});

describe('providers known only from observations in lists', () => {
  it('are listed apart, marked, and readable by id', async () => {
    const list = await request(service.app).get('/v1/providers').expect(200);
    check('get', '/v1/providers', list);
    expect(list.body.items.map((p: { providerId: string }) => p.providerId)).not.toContain('silent-chat');
    expect(list.body.notDeclaredByProvider).toEqual([expect.objectContaining({ providerId: 'silent-chat', name: 'Silent Chat', declaredByProvider: false, observations: 1 })]);
    const one = await request(service.app).get('/v1/providers/silent-chat').expect(200);
    check('get', '/v1/providers/{providerId}', one);
    expect(one.body.declaredByProvider).toBe(false);
  });
});

describe('feeds', () => {
  it('carry an entry for each new observation, its text escaped', async () => {
    const feed = await request(service.app).get('/v1/providers/veritalk/feed.atom').expect(200);
    expect(feed.text).toContain('<id>tag:retention-atlas.example,2025:providers/veritalk/observations/1</id>');
    expect(feed.text).toContain('Open Rights Lab observed /legalProcess/liveInterception = supported');
    expect(feed.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(feed.text).not.toContain('<script>');
    const all = await request(service.app).get('/v1/feed.atom').expect(200);
    expect(all.text).toContain('providers/silent-chat/observations/1');
  });
});
