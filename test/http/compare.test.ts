import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { adminAuth, testService, validDeclaration, type TestService } from '../support/service.js';

let service: TestService;
let check: Awaited<ReturnType<typeof openApiResponseValidator>>;

beforeAll(async () => {
  service = await testService();
  check = await openApiResponseValidator();
  const other = validDeclaration('othertalk');
  other.dataCategories[1].protection = { inTransit: 'transport', atRest: 'provider-managed' };
  other.dataCategories[1].retention = { kind: 'indefinite' };
  for (const doc of [validDeclaration('veritalk'), other, validDeclaration('thirdtalk')]) {
    const res = await request(service.app).post(`/v1/providers/${doc.provider.id}/declarations`).set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(doc));
    expect(res.status).toBe(201);
  }
});

describe('GET /v1/compare', () => {
  it('puts cells and facts side by side and marks where providers differ', async () => {
    const res = await request(service.app).get('/v1/compare?providers=veritalk,othertalk,thirdtalk&category=message-content');
    expect(res.status).toBe(200);
    check('get', '/v1/compare', res);
    expect(res.body.providers.map((p: { providerId: string }) => p.providerId)).toEqual(['veritalk', 'othertalk', 'thirdtalk']);
    const exposure = (await request(service.app).get('/v1/providers/othertalk/exposure?category=message-content')).body.cells as { jurisdiction: string; score: number }[];
    expect(res.body.cells).toHaveLength(exposure.length);
    for (const cell of res.body.cells) {
      expect(cell.category).toBe('message-content');
      expect(cell.providers.othertalk.score).toBe(exposure.find((c) => c.jurisdiction === cell.jurisdiction)!.score);
      const [a, b] = [cell.providers.veritalk, cell.providers.othertalk];
      expect(cell.differs).toBe(a.established !== b.established || a.worstCase !== b.worstCase);
    }
    const retention = res.body.facts.find((f: { fact: string }) => f.fact === 'dataCategories/message-content/retention');
    expect(retention).toMatchObject({ question: 2, differs: true, values: { veritalk: { kind: 'none' }, othertalk: { kind: 'indefinite' } } });
    const collected = res.body.facts.find((f: { fact: string }) => f.fact === 'dataCategories/message-content/collected');
    expect(collected.differs).toBe(false);
  });

  it('answers CSV with the cell columns, on ?format=csv and on Accept: text/csv', async () => {
    for (const req of [request(service.app).get('/v1/compare?providers=veritalk,othertalk&format=csv'), request(service.app).get('/v1/compare?providers=veritalk,othertalk').set('accept', 'text/csv')]) {
      const res = await req;
      expect(res.status).toBe(200);
      expect(res.type).toBe('text/csv');
      const lines = res.text.trim().split('\r\n');
      expect(lines[0]).toBe('providerId,category,jurisdiction,established,worstCase,score,grade');
      expect(lines.slice(1).every((l) => /^(veritalk|othertalk),/.test(l))).toBe(true);
    }
  });

  it('compares as observed on ?basis=observed (without observations, the same cells as declared) and echoes the basis', async () => {
    const declared = await request(service.app).get('/v1/compare?providers=veritalk,othertalk');
    const observed = await request(service.app).get('/v1/compare?providers=veritalk,othertalk&basis=observed');
    expect(observed.status).toBe(200);
    expect(declared.body.basis).toBe('declared');
    expect(observed.body.basis).toBe('observed');
    expect(observed.body.cells).toEqual(declared.body.cells);
    expect((await request(service.app).get('/v1/compare?providers=veritalk,othertalk&basis=rumoured')).status).toBe(400);
    const page = await request(service.app).get('/compare?providers=veritalk,othertalk&basis=observed');
    expect(page.status).toBe(200);
    expect(page.text).toContain('facts as observed');
    // The page keeps the basis in its form: a choice, preset to the one shown.
    expect(page.text).toContain('<option value="observed" selected>');
  });

  it('refuses fewer than 2 or more than 6 providers, duplicates, unknown filters; 404 for an unknown provider', async () => {
    expect((await request(service.app).get('/v1/compare?providers=veritalk')).status).toBe(400);
    expect((await request(service.app).get('/v1/compare?providers=a1,b1,c1,d1,e1,f1,g1')).status).toBe(400);
    expect((await request(service.app).get('/v1/compare?providers=veritalk,veritalk')).status).toBe(400);
    expect((await request(service.app).get('/v1/compare?providers=veritalk,othertalk&jurisdiction=XX')).status).toBe(400);
    const missing = await request(service.app).get('/v1/compare?providers=veritalk,nobody');
    expect(missing.status).toBe(404);
    check('get', '/v1/compare', missing);
    expect(missing.type).toBe('application/problem+json');
  });
});

describe('POST /v1/providers/{providerId}/declarations?dryRun=true', () => {
  it('answers as the OpenAPI document says, for a valid draft (200) and an invalid one (422)', async () => {
    const draft = validDeclaration('othertalk');
    const ok = await request(service.app).post('/v1/providers/othertalk/declarations?dryRun=true').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(draft));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ providerId: 'othertalk', version: 2, created: false, wouldCreate: true });
    check('post', '/v1/providers/{providerId}/declarations', ok);
    draft.asOf = 'yesterday';
    const bad = await request(service.app).post('/v1/providers/othertalk/declarations?dryRun=true').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(draft));
    expect(bad.status).toBe(422);
    check('post', '/v1/providers/{providerId}/declarations', bad);
    expect((await service.store.history('othertalk')).length).toBe(1);
  });

  it('needs no key, since it stores nothing; the write itself still does', async () => {
    const draft = validDeclaration('othertalk');
    draft.asOf = '2025-01-01';
    const anonymous = await request(service.app).post('/v1/providers/othertalk/declarations?dryRun=true').set('content-type', 'application/json').send(JSON.stringify(draft));
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toMatchObject({ providerId: 'othertalk', wouldCreate: true });
    expect((await request(service.app).post('/v1/providers/othertalk/declarations').set('content-type', 'application/json').send(JSON.stringify(draft))).status).toBe(401);
    expect((await service.store.history('othertalk')).length).toBe(1);
  });
});
