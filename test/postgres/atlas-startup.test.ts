import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import type { Declaration } from '../../src/formats/types.generated.js';
import { Atlas } from '../../src/service/atlas.js';
import { PostgresAnalysisCache } from '../../src/store/postgres-analysis-cache.js';
import { migrate } from '../../src/store/postgres-migrations.js';
import { openPool } from '../../src/store/postgres-pool.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import { validDeclaration } from '../support/service.js';
import { startTestDatabase, type TestDatabase } from './test-database.js';

let db: TestDatabase;
let pool: pg.Pool;
beforeAll(async () => {
  db = await startTestDatabase();
  pool = openPool(db.url, { max: 5 });
  await migrate(pool);
});
afterAll(async () => {
  await pool?.end();
  await db?.stop();
});

const registry = loadSchemaRegistry();

/** Counts every statement sent through the pool (reads go through pool.query; writes through pool.connect). */
function countingPool(): { pool: pg.Pool; queries: () => number } {
  let n = 0;
  const counted = Object.create(pool) as pg.Pool;
  counted.query = ((...args: Parameters<pg.Pool['query']>) => {
    n++;
    return (pool.query as (...a: unknown[]) => unknown)(...args);
  }) as pg.Pool['query'];
  return { pool: counted, queries: () => n };
}

async function seed(count: number): Promise<string[]> {
  await pool.query('TRUNCATE versions, providers, analyses');
  const store = new PostgresStore(pool);
  const ids = Array.from({ length: count }, (_, i) => `startup-${String(i).padStart(3, '0')}`);
  for (const id of ids) {
    for (const v of [1, 2]) {
      const doc = validDeclaration(id);
      doc.provider.name = `${id} v${v}`;
      await store.append(id, { body: JSON.stringify(doc), expectedVersion: v - 1 });
    }
  }
  return ids;
}

/** Opens a read model the way a replica does, counting statements and analyses computed. */
async function open() {
  const { pool: counted, queries: count } = countingPool();
  let at = 0;
  const queries = () => count() - at;
  let analysed = 0;
  const analyze = (d: Declaration) => {
    analysed++;
    return { name: d.provider.name };
  };
  const atlas = await Atlas.open(new PostgresStore(counted), registry, analyze, new PostgresAnalysisCache<{ name: string }>(counted, 'startup-test'));
  const opened = queries();
  at = count();
  return { atlas, queries: opened, analysed, since: queries };
}

describe('a replica starting on PostgreSQL', () => {
  it('reads every latest version in pages, each provider once, in id order', async () => {
    const ids = await seed(23);
    const pages: string[][] = [];
    for await (const page of new PostgresStore(pool).latestPages(5)) pages.push(page.map((r) => `${r.providerId}@${r.version}`));
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
    expect(pages.flat()).toEqual(ids.map((id) => `${id}@2`));
  });

  it('builds its read model with the same few statements for 3 providers as for 60, analyses remembered', async () => {
    const counts: number[] = [];
    for (const n of [3, 60]) {
      const ids = await seed(n);
      const first = await open();
      expect(first.analysed).toBe(n); // nothing remembered yet: each latest version analysed once, then remembered
      const again = await open();
      expect(again.analysed).toBe(0);
      expect(again.atlas.providerIds()).toEqual(ids);
      expect(await again.atlas.latest(ids[n - 1])).toMatchObject({ meta: { version: 2 }, declaration: { provider: { name: `${ids[n - 1]} v2` } }, analysis: { name: `${ids[n - 1]} v2` } });
      counts.push(again.queries);
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(2);
  });

  it('catches up after an interrupted change feed with one query plus the providers that moved', async () => {
    const ids = await seed(40);
    await open();
    const replica = await open();
    const other = new PostgresStore(pool);
    for (const id of [ids[3], ids[30]]) await other.append(id, { body: JSON.stringify({ ...validDeclaration(id), asOf: '2025-01-01' }), expectedVersion: 2 });
    await replica.atlas.refreshAll();
    expect([ids[3], ids[30], ids[4]].map((id) => replica.atlas.latestOf(id)?.meta.version)).toEqual([3, 3, 2]);
    // 1 for every latest version; then, per moved provider, its body, its remembered analysis, the previous body and the analysis remembered.
    expect(replica.since()).toBeLessThanOrEqual(1 + 2 * 4);
  });
});
