import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { MemoryAuditLog } from '../../src/audit/audit-log.js';
import { MemoryKeyStore } from '../../src/auth/key-store.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { providerAuth } from '../support/auth.js';
import { ADMIN_TOKEN, adminAuth, testService, validDeclaration } from '../support/service.js';

const QUOTA = 'https://retention-atlas.example/problems/quota-exceeded';

async function quotaService(perHour: number, perDay: number) {
  let now = new Date('2026-03-01T10:00:00.000Z');
  const clock = () => now;
  const keys = new MemoryKeyStore();
  const { app } = await testService(new MemoryStore(clock), { versionQuota: { perHour, perDay }, auth: { keys, audit: new MemoryAuditLog(), adminToken: ADMIN_TOKEN, clock } });
  const { keyId: _id, ...provider } = await providerAuth(keys, 'veritalk');
  let n = 0;
  const submit = (auth: Record<string, string>, query = '') =>
    request(app)
      .post(`/v1/providers/veritalk/declarations${query}`)
      .set(auth)
      .set('content-type', 'application/json')
      .send(JSON.stringify({ ...validDeclaration(), asOf: `2024-01-${String(++n).padStart(2, '0')}` }));
  return { app, provider, submit, advance: (ms: number) => void (now = new Date(now.getTime() + ms)) };
}

describe('version quotas (VERSION_QUOTA_PER_HOUR / _PER_DAY)', () => {
  it('refuses a provider key its versions beyond the hourly quota with 429 quota-exceeded and Retry-After; admin keys and dry runs pass', async () => {
    const { provider, submit, advance } = await quotaService(3, 0);
    for (let i = 0; i < 3; i++) {
      expect((await submit(provider)).status).toBe(201);
      advance(60_000);
    }
    const refused = await submit(provider);
    expect(refused.status).toBe(429);
    expect(refused.type).toBe('application/problem+json');
    expect(refused.body).toMatchObject({ type: QUOTA, providerId: 'veritalk', window: 'hour', limit: 3 });
    // The first version leaves the window 60 min after it was stored; 3 min have passed.
    expect(Number(refused.headers['retry-after'])).toBe(57 * 60);
    expect((await submit(provider, '?dryRun=true')).status).toBe(200);
    expect((await submit(adminAuth)).status).toBe(201);
    advance(57 * 60_000);
    // The admin's version counts for the provider too: 3 in the last hour again.
    expect((await submit(provider)).status).toBe(429);
    advance(2 * 60_000 + 1000);
    expect((await submit(provider)).status).toBe(201);
  });

  it('holds a daily quota across hours, and 0 means no limit', async () => {
    const daily = await quotaService(0, 4);
    for (let i = 0; i < 4; i++) {
      expect((await daily.submit(daily.provider)).status).toBe(201);
      daily.advance(3 * 3_600_000);
    }
    const refused = await daily.submit(daily.provider);
    expect(refused.body).toMatchObject({ type: QUOTA, window: 'day', limit: 4 });
    expect(Number(refused.headers['retry-after'])).toBe(12 * 3600);

    const off = await quotaService(0, 0);
    for (let i = 0; i < 12; i++) expect((await off.submit(off.provider)).status).toBe(201);
  });
});
