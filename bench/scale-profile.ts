/**
 * Where the time of rows (b), (c) and (d3) goes, measured in CPU rather than wall clock (a loaded
 * machine stretches wall clock; it hardly changes the CPU a piece of work costs): seeds a lowdb
 * store of N providers (bench/seed-store.ts), analyses it once, then in this process starts the
 * service on a copy of it (restart: summaries remembered), makes sequential writes of new providers
 * and sequential ranking requests, each phase timed in CPU milliseconds of this process (the
 * client's fetch included, the same at every N) and, with `--profile DIR`, recorded as a CPU
 * profile (one `.cpuprofile` per phase, readable in Chrome DevTools or bench/profile-top.mjs).
 *
 *   node --import tsx bench/scale-profile.ts --providers 2000 [--writes 200] [--profile /tmp/prof]
 *
 * The seeded and analysed store is kept under the system's temporary directory
 * (atlas-scale-profile-N) and reused by later runs; each run works on a fresh copy.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { MemoryAuditLog } from '../src/audit/audit-log.js';
import { MemoryKeyStore } from '../src/auth/key-store.js';
import { buildService } from '../src/bootstrap.js';
import { LowdbCampaignStore } from '../src/store/lowdb-campaign-store.js';
import { LowdbAssessmentStore, LowdbObservationStore } from '../src/store/lowdb-observation-store.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import { declarationFor, sampleDeclarations, seedStore } from './seed-store.js';

const { values } = parseArgs({
  options: {
    providers: { type: 'string', default: '2000' },
    writes: { type: 'string', default: '200' },
    rankings: { type: 'string', default: '200' },
    profile: { type: 'string' },
    workers: { type: 'string', default: String(Math.max(1, os.availableParallelism())) },
    first: { type: 'boolean', default: false },
    'start-only': { type: 'boolean', default: false },
  },
});
const N = Number(values.providers);
const WRITES = Number(values.writes);
const RANKINGS = Number(values.rankings);
const ADMIN = 'scale-profile-admin-0123456789abcdef0123456789';

const session = new Session();
session.connect();
await session.post('Profiler.enable');

/** Garbage collections since the last phase began: count and milliseconds, minor (scavenges) and major (mark-compact). */
const gc = { minor: 0, minorMs: 0, major: 0, majorMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const major = (entry as unknown as { detail: { kind: number } }).detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR;
    if (major) [gc.major, gc.majorMs] = [gc.major + 1, gc.majorMs + entry.duration];
    else [gc.minor, gc.minorMs] = [gc.minor + 1, gc.minorMs + entry.duration];
  }
}).observe({ entryTypes: ['gc'] });
const phases: Record<string, unknown> = {};

/** Runs `work`, answering its wall and CPU milliseconds (and recording its profile under `name` when asked). */
async function phase(name: string, work: () => Promise<void>): Promise<{ wallMs: number; cpuMs: number }> {
  if (values.profile) await session.post('Profiler.start');
  Object.assign(gc, { minor: 0, minorMs: 0, major: 0, majorMs: 0 });
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  await new Promise((resolve) => setImmediate(resolve)); // the observer's entries of this phase
  phases[name] = { gc: { minor: gc.minor, minorMs: Math.round(gc.minorMs), major: gc.major, majorMs: Math.round(gc.majorMs) }, heapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20) };
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (values.profile) {
    const { profile } = await session.post('Profiler.stop');
    await mkdir(values.profile, { recursive: true });
    await writeFile(path.join(values.profile, `${name}-${N}.cpuprofile`), JSON.stringify(profile));
  }
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

async function open(dataDir: string, analysisWorkers: number) {
  const store = await LowdbStore.open(dataDir);
  const service = await buildService(store, {
    analysisCacheDir: path.join(dataDir, 'analyses'),
    observationStore: await LowdbObservationStore.open(dataDir),
    assessmentStore: await LowdbAssessmentStore.open(dataDir),
    campaignStore: await LowdbCampaignStore.open(dataDir),
    auth: { keys: new MemoryKeyStore(), audit: new MemoryAuditLog(), adminToken: ADMIN },
    versionQuota: { perHour: 0, perDay: 0 },
    rateLimitPerMinute: 0,
    log: () => undefined,
    logger: pino({ level: 'silent' }),
    analysisWorkers,
    warmUp: true,
  });
  return { store, service };
}

const seeded = path.join(os.tmpdir(), `atlas-scale-profile-${N}`);
if (!existsSync(path.join(seeded, 'ready'))) {
  await rm(seeded, { recursive: true, force: true });
  await seedStore(seeded, N);
  const first = await open(seeded, Math.max(1, os.availableParallelism()));
  await first.store.close();
  await writeFile(path.join(seeded, 'ready'), '');
}
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'atlas-scale-run-'));
await cp(seeded, dataDir, { recursive: true });
// A first start: nothing remembered, every provider analysed (on the analysis threads).
if (values.first) await rm(path.join(dataDir, 'analyses'), { recursive: true, force: true });

let opened: Awaited<ReturnType<typeof open>> | undefined;
const restart = await phase(values.first ? 'first-start' : 'restart', async () => {
  opened = await open(dataDir, Number(values.workers));
});
const { store, service } = opened!;
if (values['start-only']) {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
  console.log(JSON.stringify({ providers: N, first: values.first, workers: Number(values.workers), load: os.loadavg()[0].toFixed(1), startWallMs: Math.round(restart.wallMs), startCpuMs: Math.round(restart.cpuMs), phases }));
  process.exit(0);
}
const server = service.app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const samples = sampleDeclarations();
const submit = async (id: string, i: number) => {
  const response = await fetch(`${url}/v1/providers/${id}/declarations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify(declarationFor(id, i, samples)),
  });
  if (response.status !== 201) throw new Error(`write of ${id} answered ${response.status}: ${await response.text()}`);
};
for (let i = 0; i < 20; i++) await submit(`warm-${i}`, i);
const writes = await phase('writes', async () => {
  for (let i = 0; i < WRITES; i++) await submit(`write-${String(i).padStart(4, '0')}`, i);
});
const rank = async () => {
  const response = await fetch(`${url}/v1/exposure?jurisdiction=CN&category=message-content`);
  if (!response.ok) throw new Error(`ranking answered ${response.status}`);
  await response.arrayBuffer();
};
await rank();
const rankings = await phase('rankings', async () => {
  for (let i = 0; i < RANKINGS; i++) await rank();
});
// One ranking after each write: what a ranking costs when its page must be made again.
let afterWrite = 0;
const rankingsAfterWrites = await phase('rank-after-write', async () => {
  for (let i = 0; i < 50; i++) {
    await submit(`again-${String(i).padStart(4, '0')}`, i);
    const started = process.cpuUsage();
    await rank();
    const used = process.cpuUsage(started);
    afterWrite += (used.user + used.system) / 1000;
  }
});
void rankingsAfterWrites;
await new Promise((resolve) => server.close(resolve));
await store.close();
await rm(dataDir, { recursive: true, force: true });

const f = (n: number) => n.toFixed(2);
console.log(
  JSON.stringify({
    providers: N,
    load: os.loadavg()[0].toFixed(1),
    restartWallMs: Math.round(restart.wallMs),
    restartCpuMs: Math.round(restart.cpuMs),
    writeCpuMsEach: f(writes.cpuMs / WRITES),
    writeWallMsEach: f(writes.wallMs / WRITES),
    rankingCpuMsEach: f(rankings.cpuMs / RANKINGS),
    rankingWallMsEach: f(rankings.wallMs / RANKINGS),
    rankingAfterWriteCpuMsEach: f(afterWrite / 50),
    phases,
  }),
);
