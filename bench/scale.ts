/**
 * Issue 15's targets, for both stores: at LARGE providers × 3 versions against the same
 * measure at SMALL (writes, restart) or MID (rankings) providers, all in one run. The
 * PostgreSQL runs use a throwaway cluster (test/postgres/test-database.ts, fsync off) or
 * DATABASE_URL's server. Hooked into bench/run.ts; alone: `node --import tsx bench/scale.ts`.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { policiesDir } from '../src/paths.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import { migrate } from '../src/store/postgres-migrations.js';
import { openPool } from '../src/store/postgres-pool.js';
import { PostgresStore } from '../src/store/postgres-store.js';
import type { Store } from '../src/store/store.js';
import { startTestDatabase, type TestDatabase } from '../test/postgres/test-database.js';
import type { RunningServer } from '../test/support/running-server.js';
import { ensureCompiled, startLogged } from './service-entry.js';
import { load, pct, sequentialLatencies } from './load.js';
import { markdownTable } from './markdown-table.js';
import { residentMb } from './process-memory.js';
import { declarationFor, sampleDeclarations } from './seed-store.js';

const SMALL = 15;
const MID = 2000;
const LARGE = Number(process.env.BENCH_SCALE_PROVIDERS ?? 10_000);
const VERSIONS = 3;
const WRITES = 100;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ADMIN_KEY = `bench-scale-${process.pid}-0123456789abcdef0123456789abcdef`;

export interface ScaleCheck {
  id: string;
  what: string;
  measured: string;
  target: string;
  pass: boolean;
}

interface Measured {
  restartMs: number;
  writeP50: number;
  writeFailures: number;
  rankingP95: number;
  rankingFailures: number;
  rssMb: number | undefined;
}

type Kind = 'lowdb' | 'postgres';
type Role = 'small' | 'mid' | 'large';
/** Which stores to measure: BENCH_SCALE_STORES=lowdb (or postgres) runs one; both by default. */
const KINDS = (process.env.BENCH_SCALE_STORES ?? 'lowdb,postgres').split(',').filter((k): k is Kind => k === 'lowdb' || k === 'postgres');

/** Every provider gets VERSIONS versions through the store's own append (no HTTP), 64 at a time. */
async function seed(store: Store, count: number): Promise<void> {
  const samples = sampleDeclarations();
  const ids = Array.from({ length: count }, (_, i) => `bench-${String(i).padStart(5, '0')}`);
  for (let v = 0; v < VERSIONS; v++) {
    for (let start = 0; start < ids.length; start += 64) {
      await Promise.all(
        ids.slice(start, start + 64).map((id, j) => store.append(id, { expectedVersion: v, body: JSON.stringify(declarationFor(id, start + j + v * 7, samples), null, 2) })),
      );
    }
  }
  await store.close();
}

/** A different threat model on every request: more combinations than the ranking cache remembers. */
async function rankingPaths(): Promise<string[]> {
  const jurisdictions = (await readdir(path.join(policiesDir, 'jurisdictions'))).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
  const categories = [...new Set(sampleDeclarations().flatMap((d) => (d.dataCategories as { category: string }[]).map((c) => c.category)))];
  return jurisdictions.flatMap((j) => categories.map((c) => `/v1/exposure?jurisdiction=${j}&category=${c}`));
}

const env = (extra: NodeJS.ProcessEnv) => ({ LOAD_SAMPLE_DATA: 'false', ADMIN_API_KEY: ADMIN_KEY, RATE_LIMIT_PER_MINUTE: '0', VERSION_QUOTA_PER_HOUR: '0', VERSION_QUOTA_PER_DAY: '0', NODE_ENV: 'production', ...extra });

/** Seeds, starts once (analyses computed and remembered), restarts (measured), then writes and ranks. */
async function measure(kind: Kind, role: Role, count: number, scratch: string, databases: TestDatabase[], timeoutMs: number): Promise<Measured> {
  // One directory per run: the mid and large runs may have the same count (BENCH_SCALE_PROVIDERS=2000).
  const dataDir = path.join(scratch, `${kind}-${role}-${count}`);
  let extra: NodeJS.ProcessEnv = {};
  if (kind === 'postgres') {
    const db = await startTestDatabase();
    databases.push(db);
    const pool = openPool(db.url);
    await migrate(pool);
    await seed(new PostgresStore(pool), count);
    await pool.end();
    extra = { DATABASE_URL: db.url };
  } else {
    await seed(await LowdbStore.open(dataDir), count);
  }
  const servers: RunningServer[] = [];
  try {
    const first = await startLogged(scratch, { dataDir, env: env(extra), timeoutMs });
    await first.stop();
    const server = await startLogged(scratch, { dataDir, env: env(extra), timeoutMs });
    servers.push(server);
    const samples = sampleDeclarations();
    const { times, failures } = await sequentialLatencies(WRITES, (i) => {
      const id = `bench-${String((i * 97) % count).padStart(5, '0')}`;
      return fetch(`${server.url}/v1/providers/${id}/declarations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
        body: JSON.stringify(declarationFor(id, 1000 + i, samples)),
      });
    });
    const ranking = await load({ url: server.url, paths: await rankingPaths(), seconds: SECONDS });
    return {
      restartMs: server.startupMs,
      writeP50: pct(times, 50),
      writeFailures: failures.length,
      rankingP95: ranking.p95,
      rankingFailures: ranking.non2xx + ranking.errors,
      rssMb: await residentMb(server.child.pid),
    };
  } finally {
    for (const s of servers) await s.stop().catch(() => undefined);
  }
}

const f1 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(1));

export async function scaleBenchmarks(): Promise<{ sections: string[]; checks: ScaleCheck[] }> {
  // Seeding and first-starting 10,000 providers per store takes many minutes: BENCH_SCALE=off skips it.
  if (process.env.BENCH_SCALE === 'off') return { sections: [], checks: [] };
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'atlas-scale-'));
  const databases: TestDatabase[] = [];
  const sections: string[] = [];
  const checks: ScaleCheck[] = [];
  try {
    for (const kind of KINDS) {
      const started = performance.now();
      const small = await measure(kind, 'small', SMALL, scratch, databases, 60_000);
      const mid = await measure(kind, 'mid', MID, scratch, databases, 300_000);
      const large = await measure(kind, 'large', LARGE, scratch, databases, 900_000);
      const rows = ([[SMALL, small], [MID, mid], [LARGE, large]] as const).map(([n, m]) => [
        `${n} × ${VERSIONS}`,
        m.restartMs.toFixed(0),
        f1(m.writeP50),
        f1(m.rankingP95),
        f1(m.rssMb),
        m.writeFailures + m.rankingFailures,
      ]);
      const table = markdownTable(['providers × versions', 'restart until listening (ms)', 'write p50 (ms)', 'ranking p95, new threat model each (ms)', 'RSS (MB)', 'failed requests'], rows);
      sections.push(`### (s) Scale on the ${kind} store (${((performance.now() - started) / 1000).toFixed(0)} s)\n\n${table}\n`);
      const ok = large.writeFailures + large.rankingFailures + small.writeFailures === 0;
      const ratio = (a: number, b: number) => a / b;
      const write = ratio(large.writeP50, small.writeP50);
      const restart = ratio(large.restartMs, small.restartMs);
      const ranking = ratio(large.rankingP95, mid.rankingP95);
      checks.push(
        { id: `s1-${kind}`, what: `${kind}: write p50 at ${LARGE} ÷ at ${SMALL} providers`, measured: ok ? `${write.toFixed(2)}×` : 'requests failed', target: '≤ 1.5×', pass: ok && write <= 1.5 },
        { id: `s2-${kind}`, what: `${kind}: restart at ${LARGE} ÷ at ${SMALL} providers`, measured: `${restart.toFixed(2)}×`, target: '≤ 2×', pass: restart <= 2 },
        { id: `s3-${kind}`, what: `${kind}: ranking p95 at ${LARGE} ÷ at ${MID} providers`, measured: ok ? `${ranking.toFixed(2)}×` : 'requests failed', target: '≤ 2×', pass: ok && ranking <= 2 },
        { id: `s4-${kind}`, what: `${kind}: RSS at ${LARGE} providers`, measured: `${f1(large.rssMb)} MB`, target: '< 400 MB', pass: (large.rssMb ?? Infinity) < 400 },
      );
      console.log(sections[sections.length - 1]);
    }
  } finally {
    for (const db of databases) await db.stop().catch(() => undefined);
    await rm(scratch, { recursive: true, force: true });
  }
  return { sections, checks };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureCompiled();
  const { checks } = await scaleBenchmarks();
  console.log(markdownTable(['check', 'what', 'measured', 'target', 'result'], checks.map((c) => [c.id, c.what, c.measured, c.target, c.pass ? 'pass' : 'FAIL'])));
  if (checks.some((c) => !c.pass)) process.exitCode = 1;
}
