/**
 * Issue-14 rows of `npm run bench`: (r1) a corpus of pathological bodies sent while
 * /healthz is polled — its p99 under that load against its p99 at rest; (r2) append p50
 * on a 1,000-version history against a 1-version one. Both are ratios within one run.
 * Also runnable alone: `node --import tsx bench/robustness.ts`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../src/paths.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import { ensureCompiled, startLogged } from './service-entry.js';
import { pct } from './load.js';
import { markdownTable } from './markdown-table.js';
import { declarationFor, sampleDeclarations } from './seed-store.js';

export interface RobustnessCheck {
  id: string;
  what: string;
  measured: string;
  target: string;
  pass: boolean;
}

const ADMIN_KEY = `bench-robust-${process.pid}-0123456789abcdef0123456789abcdef`;
const auth = { authorization: `Bearer ${ADMIN_KEY}` };
const HISTORY = 1000;
const APPENDS = 60;
const WINDOW_MS = Number(process.env.BENCH_SECONDS ?? 5) * 1600;
const f1 = (n: number) => (Number.isNaN(n) ? 'n/a' : n.toFixed(1));
const f2 = (n: number) => (Number.isNaN(n) ? 'n/a' : n.toFixed(2));
const median = (xs: number[]) => pct([...xs].sort((a, b) => a - b), 50);

/** One provider with HISTORY versions and APPENDS providers with one, written through the store as submissions would be. */
async function seed(dataDir: string): Promise<void> {
  const store = await LowdbStore.open(dataDir);
  const samples = sampleDeclarations();
  for (let v = 0; v < HISTORY; v++) {
    await store.append('long-history', { body: JSON.stringify(declarationFor('long-history', v, samples), null, 2), expectedVersion: v });
  }
  for (let i = 0; i < APPENDS; i++) await store.append(`short-${i}`, { body: JSON.stringify(declarationFor(`short-${i}`, i, samples), null, 2), expectedVersion: 0 });
  await store.close();
}

/**
 * Polls /healthz every POLL_MS (a poll is sent POLL_MS after the previous one was sent, or at once
 * when it took longer) until `until()`; answer times in ms, sorted. A poller that fires back to back
 * would itself be a load of a thousand requests a second, and "at rest" would not be at rest.
 */
const POLL_MS = 5;
async function pollHealth(url: string, until: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (!until()) {
    const started = performance.now();
    await (await fetch(`${url}/healthz`)).text();
    const took = performance.now() - started;
    times.push(took);
    if (took < POLL_MS) await new Promise((resolve) => setTimeout(resolve, POLL_MS - took));
  }
  return times.sort((a, b) => a - b);
}

export async function robustnessBenchmarks(): Promise<{ sections: string[]; checks: RobustnessCheck[] }> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'atlas-robust-'));
  const sections: string[] = [];
  const checks: RobustnessCheck[] = [];
  const server = await (async () => {
    await seed(scratch);
    return startLogged(scratch, { dataDir: scratch, env: { LOAD_SAMPLE_DATA: 'false', ADMIN_API_KEY: ADMIN_KEY, RATE_LIMIT_PER_MINUTE: '0', VERSION_QUOTA_PER_HOUR: '0', VERSION_QUOTA_PER_DAY: '0', NODE_ENV: 'production', LOG_LEVEL: 'warn' } });
  })();
  try {
    // (r2) Appends: alternately to a provider with 1 version and to the one with 1,000.
    const samples = sampleDeclarations();
    const append = async (id: string, i: number) => {
      const doc = declarationFor(id, i, samples);
      doc.asOf = `${2000 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`;
      const started = performance.now();
      const res = await fetch(`${server.url}/v1/providers/${id}/declarations`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(doc) });
      await res.text();
      if (res.status !== 201) throw new Error(`append to ${id} answered ${res.status}`);
      return performance.now() - started;
    };
    const short: number[] = [];
    const long: number[] = [];
    for (let i = 0; i < APPENDS; i++) {
      short.push(await append(`short-${i}`, HISTORY + i));
      long.push(await append('long-history', HISTORY + i));
    }
    const ratio = median(long) / median(short);
    sections.push(
      `### (r2) Append cost against history length (${APPENDS} appends each, interleaved)\n\n${markdownTable(
        ['history before the append', 'append p50 ms', 'append p95 ms'],
        [
          ['1 version', f1(median(short)), f1(pct(short.sort((a, b) => a - b), 95))],
          [`${HISTORY} versions`, f1(median(long)), f1(pct(long.sort((a, b) => a - b), 95))],
        ],
      )}\n`,
    );
    checks.push({ id: 'r2', what: `append p50 with ${HISTORY} versions ÷ with 1`, measured: `${f2(ratio)}×`, target: '≤ 1.5×', pass: ratio <= 1.5 });

    // (r1) /healthz at rest, then while three attackers send the corpus in a loop.
    // A second of polls first (not counted): the first requests of a connection and a route are
    // slower (JIT, connection set-up), and the appends above may still have settling work.
    const warmEnd = performance.now() + 1000;
    await pollHealth(server.url, () => performance.now() > warmEnd);
    const restEnd = performance.now() + WINDOW_MS / 2;
    const rest = await pollHealth(server.url, () => performance.now() > restEnd);
    // The attackers run in their own process, so uploading 16 MB does not delay this process's polls.
    const attackers = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'bench/attacker.ts')], {
      cwd: projectRoot,
      env: { ...process.env, ATTACK_URL: server.url, ATTACK_TOKEN: ADMIN_KEY, ATTACK_MS: String(WINDOW_MS), ATTACK_HISTORY: String(HISTORY) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let report = '';
    attackers.stdout!.on('data', (c) => (report += c));
    const attacked = new Promise((resolve) => attackers.once('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 500)); // let it build its bodies and start
    const loadEnd = performance.now() + WINDOW_MS - 1000;
    const underLoad = await pollHealth(server.url, () => performance.now() > loadEnd);
    await attacked;
    const costs = JSON.parse(report) as { name: string; times: number[] }[];
    const p99Rest = pct(rest, 99);
    const p99Load = pct(underLoad, 99);
    sections.push(
      `### (r1) Pathological bodies while /healthz is polled every ${POLL_MS} ms (3 attackers in another process, ${(WINDOW_MS / 1000).toFixed(0)} s)\n\n${markdownTable(
        ['body', 'sent', 'answer p50 ms', 'answer max ms'],
        costs.map(({ name, times }) => {
          const t = times.sort((x, y) => x - y);
          return [name, t.length, f1(pct(t, 50)), f1(t[t.length - 1] ?? NaN)];
        }),
      )}\n\n${markdownTable(
        ['/healthz', 'polls', 'p50 ms', 'p99 ms', 'max ms'],
        [
          ['at rest', rest.length, f1(pct(rest, 50)), f1(p99Rest), f1(rest[rest.length - 1])],
          ['under the corpus', underLoad.length, f1(pct(underLoad, 50)), f1(p99Load), f1(underLoad[underLoad.length - 1])],
        ],
      )}\n`,
    );
    checks.push({ id: 'r1', what: '/healthz p99 under pathological bodies ÷ at rest', measured: `${f2(p99Load / p99Rest)}× (${f1(p99Load)} / ${f1(p99Rest)} ms)`, target: '≤ 3×', pass: p99Load <= 3 * p99Rest });
  } finally {
    await server.stop();
    await rm(scratch, { recursive: true, force: true });
  }
  return { sections, checks };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureCompiled();
  const { sections, checks } = await robustnessBenchmarks();
  console.log(sections.join('\n'));
  console.log(markdownTable(['check', 'what', 'measured', 'target', 'result'], checks.map((c) => [c.id, c.what, c.measured, c.target, c.pass ? 'pass' : 'FAIL'])));
}
