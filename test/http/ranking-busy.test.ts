import request from 'supertest';
import { describe, expect, it } from '@jest/globals';
import { todayUtc } from '../../src/law/in-force.js';
import { LawInForce } from '../../src/law/law-in-force.js';
import { adminAuth, testService, validDeclaration } from '../support/service.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a ranking under a law date not computed yet', () => {
  it('is answered 503 busy with Retry-After while it is made, then from memory, as a request that waited gets it', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => `busy-${i}`);
    const busy = await testService(undefined, { rankWaitMs: 0 });
    const patient = await testService(undefined, { rankWaitMs: 600_000 });
    for (const { app } of [busy, patient]) {
      for (const id of ids) await request(app).post(`/v1/providers/${id}/declarations`).set(adminAuth).send(validDeclaration(id)).expect(201);
    }
    const law = new LawInForce(busy.policy.jurisdictions);
    const lawDate = '2001-01-01';
    expect(law.changedColumns(todayUtc(), lawDate)).toContain('CN'); // CN's law differs in 2001: its column is made again
    const url = `/v1/exposure?jurisdiction=CN&category=message-content&lawDate=${lawDate}`;

    const refused = await request(busy.app).get(url);
    expect(refused.status).toBe(503);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.type).toMatch(/\/problems\/busy$/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    let answer = refused;
    for (let i = 0; i < 300 && answer.status === 503; i++) {
      await sleep(100);
      answer = await request(busy.app).get(url);
    }
    expect(answer.status).toBe(200);
    const waited = await request(patient.app).get(url).expect(200);
    expect(answer.body).toEqual(waited.body);
    expect(answer.body.lawDate).toBe(lawDate);
    expect(answer.body.items.map((i: { providerId: string }) => i.providerId).sort()).toEqual(ids);
  }, 60_000);

  it("is answered at once on a date of today's law for the columns it reads, however short the wait", async () => {
    const service = await testService(undefined, { rankWaitMs: 0 });
    for (const id of ['now-a', 'now-b']) await request(service.app).post(`/v1/providers/${id}/declarations`).set(adminAuth).send(validDeclaration(id)).expect(201);
    const law = new LawInForce(service.policy.jurisdictions);
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const same = Array.from({ length: 60 }, (_, i) => day(i + 1)).find((d) => !law.changedColumns(todayUtc(), d).includes('CN'))!;
    const res = await request(service.app).get(`/v1/exposure?jurisdiction=CN&category=message-content&lawDate=${same}`).expect(200);
    expect(res.body.lawDate).toBe(same);
    expect(res.body.total).toBe(2);
  });
});
