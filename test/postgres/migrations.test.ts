import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { migrate } from '../../src/store/postgres-migrations.js';
import { openPool } from '../../src/store/postgres-pool.js';
import { startTestDatabase, type TestDatabase } from './test-database.js';

let db: TestDatabase;
const pools: pg.Pool[] = [];
beforeAll(async () => {
  db = await startTestDatabase();
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await db?.stop();
});

function pool(): pg.Pool {
  const p = openPool(db.url, { max: 2 });
  pools.push(p);
  return p;
}

describe('PostgreSQL migrations', () => {
  it('apply once when several replicas start at the same moment, and are a no-op afterwards', async () => {
    const results = await Promise.all([pool(), pool(), pool()].map((p) => migrate(p)));
    const applied = results.flat();
    expect(applied.length).toBeGreaterThan(0);
    expect(new Set(applied).size).toBe(applied.length); // each file ran in exactly one replica
    expect(await migrate(pool())).toEqual([]);
    const { rows } = await pools[0].query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual([...applied].sort());
    const tables = await pools[0].query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    expect(tables.rows.map((r) => r.tablename)).toEqual(expect.arrayContaining(['providers', 'versions', 'api_keys', 'audit_entries', 'analyses']));
  });
});
