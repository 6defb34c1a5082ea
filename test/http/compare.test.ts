import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { adminAuth, testService, validDeclaration, type TestService } from '../support/service.js';

let service: TestService;

beforeAll(async () => {
  service = await testService();
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

  it('refuses fewer than 2 or more than 6 providers, duplicates, unknown filters; 404 for an unknown provider', async () => {
    expect((await request(service.app).get('/v1/compare?providers=veritalk')).status).toBe(400);
    expect((await request(service.app).get('/v1/compare?providers=a1,b1,c1,d1,e1,f1,g1')).status).toBe(400);
    expect((await request(service.app).get('/v1/compare?providers=veritalk,veritalk')).status).toBe(400);
    expect((await request(service.app).get('/v1/compare?providers=veritalk,othertalk&jurisdiction=XX')).status).toBe(400);
    const missing = await request(service.app).get('/v1/compare?providers=veritalk,nobody');
    expect(missing.status).toBe(404);
    expect(missing.type).toBe('application/problem+json');
  });
});
