/**
 * Rows (b), (c) and (d) as bench/run.ts makes them (the compiled server in a process of its own),
 * but reported in the server's CPU time (from the kernel's accounting of its process) beside wall
 * clock, so a run on a loaded machine still says what the work costs: start-up, then sequential
 * writes of new providers (with the time the store's appends took, from /metrics), then
 * sequential and concurrent ranking requests.
 *
 *   node --import tsx bench/scale-spawned.ts --providers 2000 [--first] [--workers 2]
 *
 * Uses the seeded and analysed store bench/scale-profile.ts keeps (run it once for N first);
 * `--first` removes the remembered analyses from the copy, so the start analyses every provider.
 */
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { load, pct, sequentialLatencies } from './load.js';
import { declarationFor, sampleDeclarations } from './seed-store.js';
import { ensureCompiled, startLogged } from './service-entry.js';

const { values } = parseArgs({
  options: {
    providers: { type: 'string', default: '2000' },
    writes: { type: 'string', default: '100' },
    first: { type: 'boolean', default: false },
    workers: { type: 'string' },
  },
});
const N = Number(values.providers);
const WRITES = Number(values.writes);
const KEY = `scale-spawned-${process.pid}-0123456789abcdef0123456789abcdef`;
const RANKING = '/v1/exposure?jurisdiction=CN&category=message-content';

/** CPU milliseconds the process has used (user + system, every thread), from /proc in clock ticks of 10 ms. */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

async function appendSeconds(url: string): Promise<{ sum: number; count: number }> {
  const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${KEY}` } })).text();
  const value = (name: string) => [...text.matchAll(new RegExp(`^${name}\\{[^}]*outcome="stored"[^}]*\\} (\\S+)$`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
  return { sum: value('\\w*store_append\\w*_seconds_sum'), count: value('\\w*store_append\\w*_seconds_count') };
}

ensureCompiled();
const seeded = path.join(os.tmpdir(), `atlas-scale-profile-${N}`);
const scratch = await mkdtemp(path.join(os.tmpdir(), 'atlas-scale-spawned-'));
const dataDir = path.join(scratch, 'data');
await cp(seeded, dataDir, { recursive: true });
if (values.first) await rm(path.join(dataDir, 'analyses'), { recursive: true, force: true });
const server = await startLogged(scratch, {
  dataDir,
  timeoutMs: 600_000,
  env: {
    LOAD_SAMPLE_DATA: 'false',
    ADMIN_API_KEY: KEY,
    RATE_LIMIT_PER_MINUTE: '0',
    VERSION_QUOTA_PER_HOUR: '0',
    VERSION_QUOTA_PER_DAY: '0',
    NODE_ENV: 'production',
    ...(values.workers !== undefined ? { ANALYSIS_WORKERS: values.workers } : {}),
  },
});
const pid = server.child.pid!;
try {
  const startCpu = cpuMs(pid);
  const samples = sampleDeclarations();
  const submit = (id: string, i: number) =>
    fetch(`${server.url}/v1/providers/${id}/declarations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify(declarationFor(id, i, samples)),
    });
  await sequentialLatencies(20, (i) => submit(`warm-${i}`, i));
  const appendsBefore = await appendSeconds(server.url);
  let cpu = cpuMs(pid);
  const writes = await sequentialLatencies(WRITES, (i) => submit(`write-${String(i).padStart(4, '0')}`, i));
  const writeCpu = (cpuMs(pid) - cpu) / WRITES;
  const appendsAfter = await appendSeconds(server.url);
  await fetch(server.url + RANKING);
  cpu = cpuMs(pid);
  const ranked = await sequentialLatencies(200, () => fetch(server.url + RANKING));
  const rankCpu = (cpuMs(pid) - cpu) / 200;
  cpu = cpuMs(pid);
  const concurrent = await load({ url: server.url + RANKING, seconds: 5 });
  const concurrentCpu = (cpuMs(pid) - cpu) / Math.max(1, concurrent.total);
  console.log(
    JSON.stringify({
      providers: N,
      first: values.first,
      load: os.loadavg()[0].toFixed(1),
      startupMs: Math.round(server.startupMs),
      startupCpuMs: startCpu,
      writeP50: pct(writes.times, 50).toFixed(1),
      writeP95: pct(writes.times, 95).toFixed(1),
      writeFailures: writes.failures.length,
      writeServerCpuMs: writeCpu.toFixed(1),
      appendMsEach: ((1000 * (appendsAfter.sum - appendsBefore.sum)) / Math.max(1, appendsAfter.count - appendsBefore.count)).toFixed(1),
      rankingP50: pct(ranked.times, 50).toFixed(1),
      rankingServerCpuMs: rankCpu.toFixed(2),
      concurrentRps: concurrent.requestsPerSec.toFixed(0),
      concurrentP95: concurrent.p95.toFixed(1),
      concurrentServerCpuMs: concurrentCpu.toFixed(2),
    }),
  );
} finally {
  await server.stop();
  await rm(scratch, { recursive: true, force: true });
}
