import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startServer, type RunningServer } from '../support/running-server.js';
import { validDeclaration } from '../support/service.js';
import { startTestDatabase, type TestDatabase } from './test-database.js';

/**
 * Two real replicas on one real PostgreSQL, which is stopped for several seconds and
 * started again: writes meanwhile answer 503 database-unavailable (never 500), each replica
 * retries in one loop with backoff (attempts counted), holds a bounded number of
 * connections, and is ready again on its own, serving what the other stored meanwhile.
 */
const ADMIN = 'restart-admin-token-0123456789abcdef';
const POOL_MAX = 4;
const OUTAGE_MS = 6000;
const env = { ADMIN_API_KEY: ADMIN, LOAD_SAMPLE_DATA: 'false', RATE_LIMIT_PER_MINUTE: '0', PG_POOL_MAX: String(POOL_MAX), LOG_LEVEL: 'warn' };

let db: TestDatabase;
let replicas: RunningServer[] = [];
beforeAll(async () => {
  db = await startTestDatabase({ ownServer: true });
  replicas = await Promise.all([startServer({ env: { ...env, DATABASE_URL: db.url } }), startServer({ env: { ...env, DATABASE_URL: db.url } })]);
}, 60_000);
afterAll(async () => {
  await Promise.all(replicas.map((s) => s.stop()));
  await db?.stop();
});

const post = (server: RunningServer, providerId: string, asOf: string) =>
  fetch(`${server.url}/v1/providers/${providerId}/declarations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify({ ...validDeclaration(providerId), asOf }),
  });

async function metric(server: RunningServer, name: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const line = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  if (!line) throw new Error(`no ${name} on ${server.url}/metrics`);
  return Number(line[1]);
}

const ready = async (server: RunningServer) => (await fetch(`${server.url}/readyz`).catch(() => undefined))?.status === 200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a PostgreSQL restart under two replicas', () => {
  it('is survived without manual steps: 503 with Retry-After meanwhile, bounded retries and connections, ready again within seconds, nothing missed', async () => {
    expect((await post(replicas[0], 'before', '2024-01-01')).status).toBe(201);
    const attemptsBefore = await Promise.all(replicas.map((r) => metric(r, 'change_feed_connect_attempts')));

    await db.stopServer!();
    const stoppedAt = performance.now();
    const statuses: number[] = [];
    let problem: { type?: string } | undefined;
    let retryAfter: string | null = null;
    let i = 0;
    while (performance.now() - stoppedAt < OUTAGE_MS) {
      const res = await post(replicas[i % 2], 'during', `2024-02-${String((i % 27) + 1).padStart(2, '0')}`);
      statuses.push(res.status);
      if (res.status === 503) {
        problem = (await res.json()) as { type?: string };
        retryAfter = res.headers.get('retry-after');
      } else await res.arrayBuffer();
      i++;
      await sleep(200);
    }
    const readyDuring = await Promise.all(replicas.map(ready));
    const attemptsDuring = (await Promise.all(replicas.map((r) => metric(r, 'change_feed_connect_attempts')))).map((n, k) => n - attemptsBefore[k]);
    const poolDuring = await Promise.all(replicas.map((r) => metric(r, 'db_pool_connections')));

    await db.startServer!();
    const startedAt = performance.now();
    const readyAfterMs: number[] = [];
    for (const replica of replicas) {
      while (!(await ready(replica))) {
        if (performance.now() - startedAt > 20_000) throw new Error(`${replica.url} not ready 20 s after the database returned:\n${replica.output().slice(-2000)}`);
        await sleep(100);
      }
      readyAfterMs.push(Math.round(performance.now() - startedAt));
    }

    // Written on one replica once the database is back; served by the other (notified, or re-read on its resync).
    expect((await post(replicas[0], 'after', '2024-03-01')).status).toBe(201);
    let seenMs: number | undefined;
    const writtenAt = performance.now();
    while (seenMs === undefined && performance.now() - writtenAt < 5000) {
      if ((await fetch(`${replicas[1].url}/v1/providers/after`)).status === 200) seenMs = Math.round(performance.now() - writtenAt);
      else await sleep(50);
    }
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    const { rows } = await admin.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE application_name LIKE 'retention-atlas%'");
    await admin.end();
    const attemptsTotal = (await Promise.all(replicas.map((r) => metric(r, 'change_feed_connect_attempts')))).map((n, k) => n - attemptsBefore[k]);

    const summary = { outageMs: OUTAGE_MS, writes: statuses.length, statuses: [...new Set(statuses)], attemptsDuring, attemptsTotal, poolDuring, readyAfterMs, seenByOtherMs: seenMs, connectionsAfter: Number(rows[0].n) };
    process.stdout.write(`database restart: ${JSON.stringify(summary)}\n`);

    expect(new Set(statuses)).toEqual(new Set([503]));
    expect(problem?.type).toBe('https://retention-atlas.example/problems/database-unavailable');
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(readyDuring).toEqual([false, false]);
    // One loop with backoff from 250 ms: a handful of attempts in 6 s, not hundreds.
    for (const n of attemptsDuring) expect(n).toBeLessThanOrEqual(12);
    for (const n of poolDuring) expect(n).toBeLessThanOrEqual(POOL_MAX);
    // Backoff is capped at 10 s; after a 6 s outage the next attempt comes within about 8 s.
    for (const ms of readyAfterMs) expect(ms).toBeLessThan(15_000);
    expect(seenMs).toBeDefined();
    // Each replica: at most its pool and its feed connection.
    expect(Number(rows[0].n)).toBeLessThanOrEqual(replicas.length * (POOL_MAX + 1));
    expect((await fetch(`${replicas[1].url}/v1/providers/before/declarations/1`)).status).toBe(200);
  }, 90_000);
});
