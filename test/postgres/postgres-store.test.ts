import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { PostgresChangeFeed, type FeedEvent } from '../../src/store/postgres-change-feed.js';
import { migrate } from '../../src/store/postgres-migrations.js';
import { openPool } from '../../src/store/postgres-pool.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import { VersionConflictError } from '../../src/store/store.js';
import { contentHash } from '../../src/store/version-record.js';
import { appendLatest } from '../store/store-contract.js';
import { startTestDatabase, type TestDatabase } from './test-database.js';

let db: TestDatabase;
let poolA: pg.Pool;
let poolB: pg.Pool;
beforeAll(async () => {
  db = await startTestDatabase();
  poolA = openPool(db.url, { max: 5 });
  poolB = openPool(db.url, { max: 5 });
  await migrate(poolA);
});
afterAll(async () => {
  await Promise.all([poolA?.end(), poolB?.end()]);
  await db?.stop();
});

describe('PostgresStore (beyond the shared contract)', () => {
  it('keeps bodies byte for byte, NUL and lone marks included, with their hashes', async () => {
    const store = new PostgresStore(poolA);
    const body = '{"x":"\u0000 ünïcödé ✓ \u202e \u{1F4E8}"}\n\n';
    await store.append('bytes', { body, expectedVersion: 0 });
    const record = await new PostgresStore(poolB).version('bytes', 1);
    expect(record?.body).toBe(body);
    expect(record?.hash).toBe(contentHash(body));
  });

  it('lets exactly one of two replicas win the same expected version', async () => {
    const a = new PostgresStore(poolA);
    const b = new PostgresStore(poolB);
    const results = await Promise.allSettled([a.append('race', { body: '"a"', expectedVersion: 0 }), b.append('race', { body: '"b"', expectedVersion: 0 })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(VersionConflictError);
    expect((lost.reason as VersionConflictError).actual).toBe(1);
    expect((await a.history('race')).map((v) => v.version)).toEqual([1]);
  });

  it('gives contiguous versions and loses nothing when two replicas write one provider at once', async () => {
    const stores = [new PostgresStore(poolA), new PostgresStore(poolB)];
    const versions = await Promise.all(Array.from({ length: 40 }, (_, i) => appendLatest(stores[i % 2], 'busy', `{"i":${i}}`)));
    expect([...versions].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const bodies = new Set<string>();
    for (let v = 1; v <= 40; v++) bodies.add((await stores[0].version('busy', v))!.body);
    expect(bodies.size).toBe(40);
  });

  it('lists every provider latest version in one query', async () => {
    const store = new PostgresStore(poolA);
    const latest = await store.latestVersions();
    expect(latest.map((m) => m.providerId)).toEqual(await store.providerIds());
    expect(latest.find((m) => m.providerId === 'busy')?.version).toBe(40);
  });

  it('lists the newest versions of all providers in one query, as sorting every history would', async () => {
    let tick = Date.parse('2030-01-01T00:00:00Z');
    const store = new PostgresStore(poolA, () => new Date((tick += 1000)));
    for (const [i, id] of ['newest-b', 'newest-a', 'newest-c', 'newest-a', 'newest-b'].entries()) await appendLatest(store, id, `{"n":${i}}`);
    const newest = await store.newestVersions(4);
    expect(newest.map((m) => `${m.providerId}@${m.version}`)).toEqual(['newest-b@2', 'newest-a@2', 'newest-c@1', 'newest-a@1']);
    expect(newest[0]).toEqual((await store.history('newest-b'))[1]);
  });

  it('announces each committed version on the change feed, to other replicas too', async () => {
    const feed = await PostgresChangeFeed.open(db.url);
    const seen: FeedEvent[] = [];
    const arrived = new Promise<void>((resolve) =>
      feed.on((event) => {
        seen.push(event);
        if (event.kind === 'version' && event.providerId === 'announced') resolve();
      }),
    );
    await expect(new PostgresStore(poolB).append('announced', { body: '{}', expectedVersion: 5 })).rejects.toBeInstanceOf(VersionConflictError);
    await new PostgresStore(poolB).append('announced', { body: '{}', expectedVersion: 0 });
    await arrived;
    await feed.close();
    expect(seen.filter((e) => e.kind === 'version' && e.providerId === 'announced')).toEqual([{ kind: 'version', providerId: 'announced', version: 1 }]);
  });
});
