import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { PostgresObservationStore } from '../../src/store/postgres-observation-store.js';
import { PostgresChangeFeed, type FeedEvent } from '../../src/store/postgres-change-feed.js';
import { migrate } from '../../src/store/postgres-migrations.js';
import { openPool } from '../../src/store/postgres-pool.js';
import { StoreWriteError } from '../../src/store/store.js';
import { describeObservationStoreContract, newObservation } from '../observations/observation-store-contract.js';
import { emptyTables, startTestDatabase, type TestDatabase } from './test-database.js';

let db: TestDatabase;
let pool: pg.Pool;
beforeAll(async () => {
  db = await startTestDatabase();
  pool = openPool(db.url, { max: 10 });
  await migrate(pool);
});
afterAll(async () => {
  await pool?.end();
  await db?.stop();
});

const empty = () => emptyTables(pool, ['observation_withdrawals', 'observation_responses', 'observations', 'observation_counters']);

// The contract's tests run one after another in this file, so emptying the tables gives each a fresh backing.
describeObservationStoreContract('PostgresObservationStore', async () => ({
  persistent: true,
  open: async () => new PostgresObservationStore(pool),
  dispose: async () => {
    await empty();
  },
}));

describe('PostgresObservationStore (beyond the shared contract)', () => {
  it('numbers without gaps when two replicas (two pools) append and respond at once', async () => {
    await empty();
    const other = openPool(db.url, { max: 5 });
    try {
      const [a, b] = [new PostgresObservationStore(pool), new PostgresObservationStore(other)];
      const records = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).append('tandem-voice', newObservation())));
      expect(records.map((r) => r.id).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      const answer = { statement: 'Not so.', sources: [], recordedAt: '2026-01-03T00:00:00.000Z', recordedBy: 'key_provider' };
      const responses = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).respond('tandem-voice', 3, answer)));
      expect(responses.map((r) => r!.id).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    } finally {
      await other.end();
    }
  });

  it('keeps text as given (NUL, right-to-left marks, emoji) and refuses to change or delete it, even by hand', async () => {
    await empty();
    const statement = 'a\u0000b \u202e \u{1F4E8} \'; DROP TABLE observations; --';
    await new PostgresObservationStore(pool).append('tandem-voice', newObservation('/legalProcess/liveInterception', { statement }));
    expect((await new PostgresObservationStore(pool).list('tandem-voice'))[0].statement).toBe(statement);
    await expect(pool.query(`UPDATE observations SET record = '{}'`)).rejects.toThrow(/append-only/);
    await expect(pool.query('DELETE FROM observations')).rejects.toThrow(/append-only/);
  });

  it('announces each change on the feed after it commits, and nothing for an unknown observation', async () => {
    await empty();
    const feed = await PostgresChangeFeed.open(db.url, () => undefined);
    const events: FeedEvent[] = [];
    feed.on((e) => events.push(e));
    try {
      const store = new PostgresObservationStore(pool);
      await store.append('silent-chat', newObservation());
      await store.withdraw('silent-chat', 1, { at: '2026-01-04T00:00:00.000Z', by: 'admin-env' });
      expect(await store.respond('silent-chat', 7, { statement: 'x', sources: [], recordedAt: '2026-01-03T00:00:00.000Z', recordedBy: 'k' })).toBeUndefined();
      await store.append('silent-chat', newObservation()); // a marker that the two before it arrived
      for (let i = 0; i < 100 && events.length < 3; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(events).toEqual(Array(3).fill({ kind: 'observation', providerId: 'silent-chat' }));
    } finally {
      await feed.close();
    }
  });

  it('reads every provider at once exactly as one by one (a starting replica)', async () => {
    await empty();
    const store = new PostgresObservationStore(pool);
    for (const id of ['b-mail', 'a-chat', 'b-mail', 'c-voice']) await store.append(id, newObservation());
    await store.respond('b-mail', 2, { statement: 'No.', sources: [], recordedAt: '2026-01-03T00:00:00.000Z', recordedBy: 'k' });
    await store.withdraw('a-chat', 1, { at: '2026-01-04T00:00:00.000Z', by: 'admin-env' });
    const all = await store.all();
    expect([...all.keys()]).toEqual(await store.providerIds());
    for (const id of all.keys()) expect(all.get(id)).toEqual(await store.list(id));
  });

  it('survives its migrations running again by hand, data and append-only guard included', async () => {
    await empty();
    const store = new PostgresObservationStore(pool);
    await store.append('tandem-voice', newObservation());
    for (const file of ['002-observations.sql', '003-versions-newest-index.sql']) await pool.query(await readFile(new URL(`../../src/store/migrations/${file}`, import.meta.url), 'utf8'));
    expect((await store.list('tandem-voice')).map((o) => o.id)).toEqual([1]);
    await expect(pool.query('DELETE FROM observations')).rejects.toThrow(/append-only/);
  });

  it('acknowledges nothing when the database refuses the write', async () => {
    await empty();
    const store = new PostgresObservationStore(pool);
    await store.append('tandem-voice', newObservation());
    await pool.query('ALTER TABLE observations ADD CONSTRAINT no_writes CHECK (false) NOT VALID');
    try {
      await expect(store.append('tandem-voice', newObservation())).rejects.toBeInstanceOf(StoreWriteError);
      expect((await store.list('tandem-voice')).map((o) => o.id)).toEqual([1]);
      // The failed append numbered nothing: the next one is 2.
      await pool.query('ALTER TABLE observations DROP CONSTRAINT no_writes');
      expect((await store.append('tandem-voice', newObservation())).id).toBe(2);
    } finally {
      await pool.query('ALTER TABLE observations DROP CONSTRAINT IF EXISTS no_writes');
    }
  });
});
