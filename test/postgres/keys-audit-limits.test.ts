import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { PostgresAuditLog } from '../../src/audit/postgres-audit-log.js';
import { Authenticator } from '../../src/auth/authenticator.js';
import { PostgresKeyStore } from '../../src/auth/postgres-key-store.js';
import { mintToken } from '../../src/auth/token.js';
import { PostgresRateLimitStore } from '../../src/http/postgres-rate-limit-store.js';
import { PostgresAnalysisCache } from '../../src/service/postgres-analysis-cache.js';
import { migrate } from '../../src/store/postgres-migrations.js';
import { openPool } from '../../src/store/postgres-pool.js';
import { startTestDatabase, type TestDatabase } from './test-database.js';

/** Two pools stand for two replicas: whatever one writes, the other must see. */
let db: TestDatabase;
let replicaA: pg.Pool;
let replicaB: pg.Pool;
beforeAll(async () => {
  db = await startTestDatabase();
  replicaA = openPool(db.url, { max: 4 });
  replicaB = openPool(db.url, { max: 4 });
  await migrate(replicaA);
});
afterAll(async () => {
  await Promise.all([replicaA?.end(), replicaB?.end()]);
  await db?.stop();
});

const entry = (n: number) => ({ keyId: `key_${n}`, role: 'admin', method: 'POST', path: `/v1/x/${n}`, status: 201 });

describe('keys, audit trail, analyses and rate limits shared through PostgreSQL', () => {
  it('refuses on one replica a key revoked on the other, keeping the first revocation time', async () => {
    const a = mintToken();
    const keysA = new PostgresKeyStore(replicaA);
    const authB = new Authenticator(new PostgresKeyStore(replicaB));
    await keysA.add({ id: a.id, hash: a.hash, role: 'provider', providerId: 'veritalk', createdAt: '2025-01-01T00:00:00.000Z', label: 'team' });
    expect(await authB.authenticate(a.token)).toEqual({ keyId: a.id, role: 'provider', providerId: 'veritalk' });
    expect(await keysA.revoke(a.id, new Date('2025-02-01T00:00:00Z'))).toBe(true);
    expect(await authB.authenticate(a.token)).toBe('unknown');
    await keysA.revoke(a.id, new Date('2025-03-01T00:00:00Z'));
    expect((await new PostgresKeyStore(replicaB).find(a.id))?.revokedAt).toBe('2025-02-01T00:00:00.000Z');
    expect(await keysA.revoke('key_0000000000000000', new Date())).toBe(false);
    const listed = await new PostgresKeyStore(replicaB).list();
    expect(listed.map((k) => k.id)).toEqual([a.id]);
    expect(JSON.stringify(listed)).not.toContain(a.token.split('.')[1]);
  });

  it('numbers audit entries from both replicas 1, 2, 3… without gaps and pages newest first', async () => {
    const logs = [new PostgresAuditLog(replicaA), new PostgresAuditLog(replicaB)];
    const appended = await Promise.all(Array.from({ length: 20 }, (_, i) => logs[i % 2].append(entry(i))));
    expect(appended.map((e) => e.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const page = await logs[1].list({ limit: 3, offset: 1 });
    expect(page.total).toBe(20);
    expect(page.items.map((e) => e.seq)).toEqual([19, 18, 17]);
    expect(Object.keys(page.items[0])).toEqual(['seq', 'at', 'keyId', 'role', 'method', 'path', 'status']);
  });

  it('remembers analyses for every replica, never replacing a newer version with an older one', async () => {
    const cacheA = new PostgresAnalysisCache<{ score: number }>(replicaA, 'k1');
    const cacheB = new PostgresAnalysisCache<{ score: number }>(replicaB, 'k1');
    await cacheA.set('alpha', 2, { score: 2 });
    await cacheB.set('alpha', 1, { score: 1 });
    expect(await cacheB.get('alpha', 2)).toEqual({ score: 2 });
    expect(await cacheB.get('alpha', 1)).toBeUndefined();
    expect(await new PostgresAnalysisCache(replicaB, 'other-code').get('alpha', 2)).toBeUndefined();
  });

  it('counts one rate-limit budget across replicas, and starts a new window when the old one ends', async () => {
    const storeA = new PostgresRateLimitStore(replicaA);
    const storeB = new PostgresRateLimitStore(replicaB);
    for (const s of [storeA, storeB]) s.init({ windowMs: 60_000 } as never);
    const hits = [];
    for (let i = 0; i < 6; i++) hits.push((await (i % 2 ? storeB : storeA).increment('ip:1.2.3.4')).totalHits);
    expect(hits).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await storeB.get('ip:1.2.3.4'))?.totalHits).toBe(6);
    await replicaA.query("UPDATE rate_limit_hits SET reset_at = now() - interval '1 second'");
    expect((await storeB.increment('ip:1.2.3.4')).totalHits).toBe(1);
    await storeA.resetKey('ip:1.2.3.4');
    expect(await storeB.get('ip:1.2.3.4')).toBeUndefined();
  });

  it('prunes counters whose window ended long ago, keeping current ones', async () => {
    const store = new PostgresRateLimitStore(replicaA);
    store.init({ windowMs: 60_000 } as never);
    for (let i = 0; i < 50; i++) await store.increment(`ip:10.0.0.${i}`);
    await replicaA.query("UPDATE rate_limit_hits SET reset_at = now() - interval '5 minutes' WHERE client_key LIKE 'ip:10.0.0.%'");
    await store.increment('ip:current');
    expect(await store.prune()).toBe(50);
    const { rows } = await replicaA.query<{ client_key: string }>("SELECT client_key FROM rate_limit_hits WHERE client_key LIKE 'ip:%'");
    expect(rows.map((r) => r.client_key)).toEqual(['ip:current']);
  });
});
