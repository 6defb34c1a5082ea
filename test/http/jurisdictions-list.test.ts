import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { testService } from '../support/service.js';

describe('GET /v1/jurisdictions', () => {
  it('lists every loaded profile with its review date', async () => {
    const { app, policy } = await testService();
    const res = await request(app).get('/v1/jurisdictions').expect(200);
    const listed = new Map(res.body.jurisdictions.map((j: { code: string; reviewed: string }) => [j.code, j.reviewed]));
    expect(listed.size).toBe(policy.jurisdictions.length);
    for (const p of policy.jurisdictions) expect(listed.get(p.code)).toBe(p.reviewed);
    expect(listed.get('DE')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
