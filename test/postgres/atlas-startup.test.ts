import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import type { Declaration } from '../../src/formats/types.generated.js';
import { Atlas } from '../../src/service/atlas.js';
import { PostgresAnalysisCache } from '../../src/service/postgres-analysis-cache.js';
import { migrate } from '../../src/store/postgres-migrations.js';
import { openPool } from '../../src/store/postgres-pool.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import { validDeclaration } from '../support/service.js';
import { emptyTables, startTestDatabase, type TestDatabase } from './test-database.js';

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
  await emptyTables(pool, ['versions', 'providers', 'analyses']);
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

/** A summary kept beside the analysis: the name, and how many times one was made. */
interface Summary {
  name: string;
}
let summarized = 0;
const summarize = (_meta: unknown, _d: Declaration, analysis: { name: string }): Summary => (summarized++, { name: analysis.name });
const codec = { encode: (s: Summary) => s, decode: (v: unknown) => (typeof (v as Summary)?.name === 'string' ? (v as Summary) : undefined) };

/** Opens a read model the way a replica does, counting statements, analyses computed and summaries made. */
async function open() {
  const { pool: counted, queries: count } = countingPool();
  let at = 0;
  const queries = () => count() - at;
  let analysed = 0;
  const analyze = (d: Declaration) => {
    analysed++;
    return { name: d.provider.name };
  };
  summarized = 0;
  const atlas = await Atlas.open(new PostgresStore(counted), registry, analyze, new PostgresAnalysisCache<{ name: string }>(counted, 'startup-test'), summarize, codec);
  const opened = queries();
  at = count();
  return { atlas, queries: opened, analysed, summarized, since: queries };
}

describe('a replica starting on PostgreSQL', () => {
  it('reads many versions with their bodies in one query, leaving out unknown ones', async () => {
    const ids = await seed(5);
    const records = await new PostgresStore(pool).versionsOf([
      { providerId: ids[3], version: 1 },
      { providerId: ids[0], version: 2 },
      { providerId: ids[1], version: 9 },
      { providerId: 'nobody', version: 1 },
    ]);
    const byKey = new Map(records.map((r) => [`${r.providerId}@${r.version}`, JSON.parse(r.body).provider.name]));
    expect(byKey).toEqual(new Map([[`${ids[3]}@1`, `${ids[3]} v1`], [`${ids[0]}@2`, `${ids[0]} v2`]]));
  });

  it('builds its read model from remembered summaries alone: two statements for 3 providers as for 60', async () => {
    const counts: number[] = [];
    for (const n of [3, 60]) {
      const ids = await seed(n);
      const first = await open();
      expect(first.analysed).toBe(n); // nothing remembered yet: each latest version analysed once, then remembered with its summary
      const again = await open();
      expect([again.analysed, again.summarized]).toEqual([0, 0]); // neither analysed nor summarised: the summaries were read
      expect(again.atlas.providerIds()).toEqual(ids);
      expect(again.atlas.latestOf(ids[n - 1])).toMatchObject({ meta: { version: 2 }, summary: { name: `${ids[n - 1]} v2` } });
      expect(await again.atlas.latest(ids[n - 1])).toMatchObject({ meta: { version: 2 }, declaration: { provider: { name: `${ids[n - 1]} v2` } }, analysis: { name: `${ids[n - 1]} v2` } });
      counts.push(again.queries);
    }
    expect(counts).toEqual([2, 2]); // every latest version, then every remembered summary
  });

  it('makes the summaries of analyses remembered without one once, then reads them', async () => {
    const ids = await seed(30);
    await open();
    await pool.query('UPDATE analyses SET summary = NULL'); // analyses remembered before summaries were kept
    const old = await open();
    expect([old.analysed, old.summarized]).toEqual([0, 30]); // the remembered analyses were read, not recomputed
    expect(old.atlas.latestOf(ids[7])?.summary).toEqual({ name: `${ids[7]} v2` });
    const again = await open();
    expect([again.analysed, again.summarized, again.queries]).toEqual([0, 0, 2]);
  });

  it('treats a summary under another key or of another version as missing', async () => {
    const ids = await seed(4);
    await open();
    await pool.query("UPDATE analyses SET summary = '{\"name\":\"stale\"}', version = 1 WHERE provider_id = $1", [ids[0]]);
    await pool.query("UPDATE analyses SET summary = '{\"name\":\"other key\"}', cache_key = 'other' WHERE provider_id = $1", [ids[1]]);
    const again = await open();
    expect(again.analysed).toBe(2);
    expect(ids.map((id) => again.atlas.latestOf(id)?.summary)).toEqual(ids.map((id) => ({ name: `${id} v2` })));
  });

  it('catches up after an interrupted change feed with one query plus the providers that moved', async () => {
    const ids = await seed(40);
    await open();
    const replica = await open();
    const other = new PostgresStore(pool);
    for (const id of [ids[3], ids[30]]) await other.append(id, { body: JSON.stringify({ ...validDeclaration(id), asOf: '2025-01-01' }), expectedVersion: 2 });
    await replica.atlas.refreshAll();
    expect([ids[3], ids[30], ids[4]].map((id) => replica.atlas.latestOf(id)?.meta.version)).toEqual([3, 3, 2]);
    // 1 for every latest version, then for the moved providers together: their summaries, bodies and remembered analyses;
    // then, per moved provider, the previous body and the analysis remembered with its summary.
    expect(replica.since()).toBeLessThanOrEqual(1 + 3 + 2 * 2);
  });
});
