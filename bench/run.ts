/**
 * `npm run bench`: throughput, write latency at scale, ranking latency, start-up and
 * memory — each against a really running server, each with a target. Prints tables,
 * writes docs/performance.md and exits non-zero when a target is missed, so a
 * performance regression fails this check (and not the unit tests).
 */
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/paths.js';
import { defaultAnalysisWorkers } from '../src/config.js';
import type { RunningServer } from '../test/support/running-server.js';
import { ensureCompiled, startLogged } from './service-entry.js';
import { load, pct, sequentialLatencies, type LoadResult } from './load.js';
import { markdownTable } from './markdown-table.js';
import { residentMb } from './process-memory.js';
import { declarationFor, sampleDeclarations, seedStore } from './seed-store.js';
import { scaleBenchmarks } from './scale.js';
import { profileSubsetRoot } from './profile-subset-root.js';
import { robustnessBenchmarks } from './robustness.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const LARGE = Number(process.env.BENCH_LARGE ?? 2000);
const SMALL = 15;
const WRITES = 200;
const ADMIN_KEY = `bench-admin-${process.pid}-0123456789abcdef0123456789abcdef`;
const RANKING_PATH = '/v1/exposure?jurisdiction=CN&category=message-content';
const CORES = os.availableParallelism();
/** The server's analysis threads by default (the available cores). */
const DEFAULT_THREADS = defaultAnalysisWorkers(CORES);
/** The first start (d4) is compared with one thread, or, where that is the default, with a thread per core. */
const OTHER_THREADS = DEFAULT_THREADS > 1 ? 1 : CORES;

interface Check {
  id: string;
  what: string;
  measured: string;
  target: string;
  pass: boolean;
}
const checks: Check[] = [];
const sections: string[] = [];
const f1 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(1));
const f2 = (n: number) => (Number.isNaN(n) ? 'n/a' : n.toFixed(2));

function section(title: string, table: string, note = ''): void {
  const text = `### ${title}\n\n${table}\n${note ? `\n${note}\n` : ''}`;
  sections.push(text);
  console.log(`\n${text}`);
}

function serverEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  // The per-client rate limit would turn a load test into a test of the limiter.
  return { LOAD_SAMPLE_DATA: 'false', ADMIN_API_KEY: ADMIN_KEY, RATE_LIMIT_PER_MINUTE: '0', VERSION_QUOTA_PER_HOUR: '0', VERSION_QUOTA_PER_DAY: '0', NODE_ENV: 'production', ...extra };
}

const authorization = { authorization: `Bearer ${ADMIN_KEY}` };

/** Rounds of (echo, request handling alone, validate, score at the profile count of the day and at the target's), each endpoint's best round kept: noise on a shared machine only ever slows a run down (BENCH_ROUNDS, default 5; fewer only to try the bench out). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/**
 * The body made unique per request in a field the score depends on: the first retention
 * duration becomes a different number of days on every request (and the provider's name
 * carries the number too), so neither a cache of answers nor one of scores keyed on the
 * declaration's content can answer; only caches keyed by the law can help. One generator serves
 * every run of a section and never repeats a body: a run that started again at the first body
 * would be answered from the service's memory of the warm-up and of earlier rounds.
 */
function distinctBodies(body: string): () => string {
  const at = body.indexOf('"name":"');
  const duration = /"duration":"[^"]*"/.exec(body);
  if (at < 0 || !duration) throw new Error('bench body has no "name" or no retention "duration" to make unique');
  const head = body.slice(0, at + 8);
  const tail = body.slice(at + 8);
  let i = 0;
  return () => {
    i++;
    return `${head}#${i} ${tail}`.replace(/"duration":"[^"]*"/, `"duration":"P${i}D"`);
  };
}

/** The profile count issue 24's score target names (bench/profile-sets.ts). */
const TARGET_PROFILES = 45;

async function throughput(service: RunningServer, service45: RunningServer, echoUrl: string, stackUrl: string, body: string, profiles: number, profiles45: number): Promise<void> {
  const seconds = Math.max(2, Math.round(SECONDS * 0.4));
  const targets = { echo: `${echoUrl}/echo`, stack: `${stackUrl}/echo`, validate: `${service.url}/v1/validate`, score: `${service.url}/v1/score`, score45: `${service45.url}/v1/score` };
  const distinct = distinctBodies(body);
  for (const url of Object.values(targets)) await load({ url, method: 'POST', bodies: distinct, seconds: 1 }); // warm-up
  const runs: Record<keyof typeof targets, LoadResult[]> = { echo: [], stack: [], validate: [], score: [], score45: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, url] of Object.entries(targets) as [keyof typeof targets, string][]) runs[name].push(await load({ url, method: 'POST', bodies: distinct, seconds }));
  }
  const best = (results: LoadResult[]) => results.reduce((a, b) => (b.requestsPerSec > a.requestsPerSec ? b : a));
  const failed = (results: LoadResult[]) => results.reduce((n, r) => n + r.non2xx + r.errors, 0);
  // Each round runs echo, validate and score back to back, so their ratio within a round sees the
  // same machine; the median over rounds ignores a round that a neighbour's load disturbed.
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ratioOf = (results: LoadResult[]) =>
    failed(results) > 0 ? 0 : median(results.map((r, i) => r.requestsPerSec / runs.echo[i].requestsPerSec));

  const row = (name: string, results: LoadResult[]) => {
    const r = best(results);
    return [name, r.requestsPerSec.toFixed(0), results.map((x) => x.requestsPerSec.toFixed(0)).join(' / '), f2(ratioOf(results)), f1(r.p50), f1(r.p99), failed(results)];
  };
  section(
    `(a) Throughput with a different body on every request (the frozen copy of the largest sample, ${(body.length / 1024).toFixed(1)} KB, its first retention duration and its name different on every request, never repeated within the section; scored with the default answer against all ${profiles} profiles, and against the ${profiles45} of the target; 10 connections, ${ROUNDS} interleaved rounds of ${seconds} s)`,
    markdownTable(['endpoint', 'best req/s', 'rounds req/s', '× echo (median of per-round ratios)', 'p50 ms', 'p99 ms', 'non-2xx'], [
      row('bare express JSON echo (plain node)', runs.echo),
      row("the service's request handling alone (request log, metrics, security headers, JSON inspection; same acknowledgement)", runs.stack),
      row('POST /v1/validate', runs.validate),
      row(`POST /v1/score (${profiles} profiles)`, runs.score),
      row(`POST /v1/score (${profiles45} profiles: those shipped when the target was set)`, runs.score45),
    ]),
    'Nothing here can be answered from memory: every body differs. The echo parses the same bodies and answers a small JSON acknowledgement. The second row runs the service\'s own request handling (bench/stack-server.mjs) with no work behind it: what validate and score cost beyond it is the cost of their work. The last row is a second server on a copy of the project whose policies hold only the profiles shipped before the fourth round of law data (bench/profile-subset-root.ts).',
  );
  // The same body again and again: a client re-checking an unchanged draft gets the remembered answer (informational).
  const echoAgain = await load({ url: targets.echo, method: 'POST', body, seconds });
  const repeatedValidate = await load({ url: targets.validate, method: 'POST', body, seconds });
  const repeated = await load({ url: targets.score, method: 'POST', body, seconds });
  const single = (name: string, r: LoadResult) => [name, r.requestsPerSec.toFixed(0), f2(r.requestsPerSec / echoAgain.requestsPerSec), f1(r.p50), f1(r.p99), r.non2xx + r.errors];
  section(
    '(a′) The same body on every request (answers remembered; informational)',
    markdownTable(['endpoint', 'req/s', '× echo', 'p50 ms', 'p99 ms', 'non-2xx'], [
      single('bare express JSON echo (same body)', echoAgain),
      single('POST /v1/validate, same body', repeatedValidate),
      single('POST /v1/score, same body', repeated),
    ]),
  );
  for (const [id, name, results, target] of [
    ['a0', "the service's request handling alone, distinct bodies", runs.stack, 0.75],
    ['a1', 'POST /v1/validate throughput, distinct bodies', runs.validate, 0.5],
    ['a2', `POST /v1/score throughput (default answer, ${profiles45} profiles), distinct bodies`, runs.score45, 0.1],
  ] as const) {
    const ratio = ratioOf(results);
    checks.push({ id, what: `${name} ÷ echo`, measured: failed(results) > 0 ? `${failed(results)} non-2xx` : `${f2(ratio)}×`, target: `≥ ${target}×`, pass: ratio >= target });
  }
  const ratioToday = ratioOf(runs.score);
  checks.push({ id: 'a2′', what: `POST /v1/score throughput (default answer, ${profiles} profiles: the count of the day), distinct bodies ÷ echo`, measured: failed(runs.score) > 0 ? `${failed(runs.score)} non-2xx` : `${f2(ratioToday)}×`, target: 'informational', pass: true });
}

/**
 * What each part of the request handling costs (informational): the stack server with one part
 * at a time (none = the stack's own express app reading the body as the echo does), each round
 * beside the echo, CPU time per request read from the kernel's accounting of the server process.
 */
async function requestHandlingParts(scratch: string, echoUrl: string, body: string): Promise<void> {
  const parts: [string, string][] = [['none', ''], ['request log line with its id', 'log'], ['metrics', 'metrics'], ['security headers', 'headers'], ['JSON inspection (duplicate and forbidden keys, depth, items)', 'json'], ['all of them', 'log,metrics,headers,json']];
  const servers: RunningServer[] = [];
  try {
    for (const [, stackParts] of parts) servers.push(await startLogged(scratch, { entry: 'bench/stack-server.mjs', env: { STACK_PARTS: stackParts } }));
    const distinct = distinctBodies(body);
    const cpuMs = (pid: number) => {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
    };
    const measure = async (url: string, pid: number) => {
      const before = cpuMs(pid);
      const r = await load({ url, method: 'POST', bodies: distinct, seconds: 2 });
      return { rps: r.requestsPerSec, cpuUs: ((cpuMs(pid) - before) / Math.max(1, r.total)) * 1000, failed: r.non2xx + r.errors };
    };
    const rows = parts.map(() => [] as { ratio: number; cpuUs: number; failed: number }[]);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < parts.length; i++) {
        const echo = await load({ url: `${echoUrl}/echo`, method: 'POST', bodies: distinct, seconds: 2 });
        const part = await measure(`${servers[i].url}/echo`, servers[i].child.pid!);
        rows[i].push({ ratio: part.rps / echo.requestsPerSec, cpuUs: part.cpuUs, failed: part.failed });
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    section(
      '(a″) The request handling part by part (informational; 3 rounds of 2 s, each beside an echo run)',
      markdownTable(['parts running', '× echo (median)', 'server CPU µs per request (median)', 'non-2xx'], parts.map(([name], i) => [name, f2(median(rows[i].map((r) => r.ratio))), median(rows[i].map((r) => r.cpuUs)).toFixed(0), rows[i].reduce((n, r) => n + r.failed, 0)])),
      'Each row runs bench/stack-server.mjs with STACK_PARTS set to that part alone; CPU time per request is the server process\'s user + system time over the run (clock ticks of 10 ms) divided by the requests answered.',
    );
  } finally {
    for (const server of servers) await server.stop();
  }
}

/** A profile outside the unions whose law data the (e) row changes. */
const CHANGED_PROFILE = 'JP';

/**
 * (e) Recompute only what changed: on a lowdb store of LARGE providers, the wall time until
 * every analysis is current from nothing (a full analysis of every provider), then after a new
 * version of one profile's law data (each remembered analysis updated in that column only),
 * in one process running the compiled read model (bench/law-change.mjs), default threads.
 */
async function lawChange(scratch: string): Promise<void> {
  const dir = path.join(scratch, 'law-change');
  await seedStore(path.join(dir, 'data'), LARGE);
  const out = execFileSync(process.execPath, [path.join(projectRoot, 'bench', 'law-change.mjs'), path.join(dir, 'data'), path.join(dir, 'analyses'), CHANGED_PROFILE, String(os.availableParallelism())], { cwd: projectRoot, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const r = JSON.parse(out.trim().split('\n').pop()!) as { providers: number; fullMs: number; changedMs: number; current: number; analysedAfter: number };
  const ratio = r.changedMs / r.fullMs;
  section(
    `(e) Recompute only what changed: ${r.providers} providers on the lowdb store, one profile outside the unions (${CHANGED_PROFILE}) given new law data`,
    markdownTable(['analyses made current', 'wall time s', '× full'], [
      ['every provider from nothing (full analysis)', (r.fullMs / 1000).toFixed(1), '1.00'],
      [`after new law data for ${CHANGED_PROFILE} (its column only)`, (r.changedMs / 1000).toFixed(1), f2(ratio)],
    ]),
    `Both runs read every provider's body and write its analysis and summary (on the analysis threads, which read, update and write the remembered analyses themselves); the second computes one column (with the union profiles, which every column reads) instead of ${'all'}, and keeps the findings when the law data they read is unchanged. A third start under the changed law then analysed ${r.analysedAfter} providers (everything was current).`,
  );
  checks.push({ id: 'e', what: `analyses current after one profile's new law data ÷ full re-analysis (${r.providers} providers, lowdb)`, measured: `${f2(ratio)}× (${(r.changedMs / 1000).toFixed(1)} / ${(r.fullMs / 1000).toFixed(1)} s)`, target: '≤ 0.2×', pass: ratio <= 0.2 && r.analysedAfter === 0 && r.current === r.providers });
  await rm(dir, { recursive: true, force: true, maxRetries: 5 }).catch(() => undefined);
}

async function writeLatency(service: RunningServer): Promise<{ p50: number; p95: number; failures: string[] }> {
  const samples = sampleDeclarations();
  const submit = (id: string, i: number) =>
    fetch(`${service.url}/v1/providers/${id}/declarations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorization },
      body: JSON.stringify(declarationFor(id, i, samples)),
    });
  await sequentialLatencies(20, (i) => submit(`warm-${i}`, i));
  const { times, failures } = await sequentialLatencies(WRITES, (i) => submit(`write-${String(i).padStart(4, '0')}`, i));
  return { p50: pct(times, 50), p95: pct(times, 95), failures };
}

async function main(): Promise<void> {
  ensureCompiled();
  const started = performance.now();
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'atlas-bench-'));
  const servers: RunningServer[] = [];
  try {
    const smallDir = path.join(scratch, 'small');
    const largeDir = path.join(scratch, 'large');
    const seedStarted = performance.now();
    await seedStore(smallDir, SMALL);
    await seedStore(largeDir, LARGE);
    console.log(`seeded ${SMALL} and ${LARGE} providers in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

    const echo = await startLogged(scratch, { entry: 'bench/echo-server.mjs' });
    servers.push(echo);
    const stack = await startLogged(scratch, { entry: 'bench/stack-server.mjs' });
    servers.push(stack);
    const small = await startLogged(scratch, { dataDir: smallDir, env: serverEnv() });
    servers.push(small);
    const smallRss = await residentMb(small.child.pid);

    // The frozen copy of the largest sample (bench/fixtures/README.md), so the row measures the same document whatever the samples become.
    const body = JSON.stringify(JSON.parse(readFileSync(path.join(projectRoot, 'bench', 'fixtures', 'tandem-voice.json'), 'utf8')));
    const profiles = (await (await fetch(`${small.url}/v1/jurisdictions`)).json()).jurisdictions.length as number;
    // The same store on a copy of the project that serves the profiles of the target only.
    const small45Dir = path.join(scratch, `small-${TARGET_PROFILES}`);
    await cp(smallDir, small45Dir, { recursive: true });
    const small45 = await startLogged(scratch, { entry: await profileSubsetRoot(scratch, String(TARGET_PROFILES)), dataDir: small45Dir, env: serverEnv() });
    servers.push(small45);
    const profiles45 = (await (await fetch(`${small45.url}/v1/jurisdictions`)).json()).jurisdictions.length as number;
    await throughput(small, small45, echo.url, stack.url, body, profiles, profiles45);
    await small45.stop();
    if (process.env.BENCH_PARTS !== 'off') await requestHandlingParts(scratch, echo.url, body);
    const smallWrites = await writeLatency(small);
    await small.stop();
    await echo.stop();
    await stack.stop();

    // (d4) The same first start with another number of analysis threads, on a copy of the store made before any start.
    const otherDir = path.join(scratch, 'large-other-threads');
    await cp(largeDir, otherDir, { recursive: true });
    const other = await startLogged(scratch, { dataDir: otherDir, env: serverEnv({ ANALYSIS_WORKERS: String(OTHER_THREADS) }), timeoutMs: 300_000 });
    await other.stop();
    await rm(otherDir, { recursive: true, force: true, maxRetries: 5 }).catch((error) => console.log(`could not remove ${otherDir}: ${error}`));
    const large = await startLogged(scratch, { dataDir: largeDir, env: serverEnv(), timeoutMs: 300_000 });
    servers.push(large);
    const largeRss = await residentMb(large.child.pid);
    const largeWrites = await writeLatency(large);

    section(
      `(b) Write latency: ${WRITES} sequential submissions of new providers`,
      markdownTable(['stored providers', 'p50 ms', 'p95 ms', 'failures'], [
        [SMALL, f1(smallWrites.p50), f1(smallWrites.p95), smallWrites.failures.length],
        [LARGE, f1(largeWrites.p50), f1(largeWrites.p95), largeWrites.failures.length],
      ]),
      [...smallWrites.failures, ...largeWrites.failures].map((f) => `- failed: ${f}`).join('\n'),
    );
    const writeRatio = largeWrites.p50 / smallWrites.p50;
    const writesOk = smallWrites.failures.length === 0 && largeWrites.failures.length === 0;
    checks.push({ id: 'b', what: `write p50 with ${LARGE} ÷ with ${SMALL} providers`, measured: writesOk ? `${f2(writeRatio)}×` : 'writes failed', target: '≤ 2×', pass: writesOk && writeRatio <= 2 });

    const probe = await fetch(large.url + RANKING_PATH);
    const probeText = await probe.text();
    if (probe.ok) {
      const ranking = await load({ url: large.url + RANKING_PATH, seconds: SECONDS });
      section(
        `(c) Ranking \`GET ${RANKING_PATH}\` over ${LARGE + WRITES + 20} providers (10 connections, ${SECONDS} s)`,
        markdownTable(['req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-2xx'], [[ranking.requestsPerSec.toFixed(0), f1(ranking.p50), f1(ranking.p95), f1(ranking.p99), ranking.non2xx + ranking.errors]]),
      );
      checks.push({ id: 'c', what: `ranking p95 over ${LARGE} providers`, measured: `${f1(ranking.p95)} ms`, target: '< 50 ms', pass: ranking.p95 < 50 && ranking.non2xx + ranking.errors === 0 });
      // A repeated threat model is answered from memory; rotating through every category ×
      // jurisdiction pair (more than the cache holds) makes each request rank from scratch.
      const jurisdictions = ['AE', 'AU', 'BR', 'CA', 'CH', 'CN', 'DE', 'EU', 'FR', 'GB', 'IE', 'IN', 'JP', 'KR', 'LU', 'NL', 'RU', 'SE', 'TR', 'US'];
      const categories = ['subscriber-info', 'connection-logs', 'call-metadata', 'message-metadata', 'location', 'message-content', 'call-content'];
      const paths = categories.flatMap((c) => jurisdictions.map((j) => `/v1/exposure?jurisdiction=${j}&category=${c}`));
      const cold = await load({ url: large.url + RANKING_PATH, paths, seconds: SECONDS });
      section(
        `(c′) Ranking with a different threat model on every request (${paths.length} models in turn, nothing remembered; 10 connections, ${SECONDS} s; informational)`,
        markdownTable(['req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-2xx'], [[cold.requestsPerSec.toFixed(0), f1(cold.p50), f1(cold.p95), f1(cold.p99), cold.non2xx + cold.errors]]),
      );

    } else {
      console.log(`\nranking endpoint answered ${probe.status}: ${probeText.slice(0, 200)}`);
      checks.push({ id: 'c', what: `ranking p95 over ${LARGE} providers`, measured: `endpoint answered ${probe.status}`, target: '< 50 ms', pass: false });
    }
    const largeRssAfter = await residentMb(large.child.pid);
    await large.stop();
    // A restart finds every analysis remembered in DATA_DIR/analyses and skips the scoring.
    const warm = await startLogged(scratch, { dataDir: largeDir, env: serverEnv(), timeoutMs: 300_000 });
    servers.push(warm);
    const warmRss = await residentMb(warm.child.pid);
    await warm.stop();

    section(
      '(d) Start-up (spawn until listening, store loaded and analysed) and memory',
      markdownTable(['stored providers', 'start-up ms', 'RSS at start MB', 'RSS after the load tests MB'], [
        [SMALL, small.startupMs.toFixed(0), f1(smallRss), '—'],
        [`${LARGE} (first start: every provider analysed; ANALYSIS_WORKERS=${OTHER_THREADS})`, other.startupMs.toFixed(0), '—', '—'],
        [`${LARGE} (first start: every provider analysed; ANALYSIS_WORKERS default, ${DEFAULT_THREADS} of ${CORES} cores)`, large.startupMs.toFixed(0), f1(largeRss), f1(largeRssAfter)],
        [`${LARGE + WRITES + 20} (restart: analyses remembered)`, warm.startupMs.toFixed(0), f1(warmRss), '—'],
      ]),
      'Start-up is the compiled server (`dist/main.js`) loading its modules, compiling the schemas and analysing the samples twice (the first row is that fixed cost); the two first starts at the larger size run on copies of one seeded store, with one analysis thread and with the default. The seeded store is written without the service, so its first start analyses every provider; later starts read only the summaries remembered beside the analyses (DATA_DIR/analyses/summaries, keyed like the analyses by the policy data, the scoring code and the law epoch).',
    );
    checks.push({ id: 'd1', what: `first start-up with ${LARGE} providers`, measured: `${large.startupMs.toFixed(0)} ms`, target: '≤ 15000 ms', pass: large.startupMs <= 15000 });
    checks.push({
      id: 'd4',
      what: `first start with ${LARGE} providers, default analysis threads (${DEFAULT_THREADS}) ÷ ${OTHER_THREADS} (informational below 4 cores)`,
      measured: `${f2(large.startupMs / other.startupMs)}× (${(large.startupMs / 1000).toFixed(1)} / ${(other.startupMs / 1000).toFixed(1)} s)`,
      target: CORES >= 4 ? '< 1×' : 'informational',
      pass: CORES >= 4 ? large.startupMs < other.startupMs : true,
    });
    checks.push({ id: 'd3', what: `restart with ${LARGE} providers`, measured: `${warm.startupMs.toFixed(0)} ms`, target: '≤ 5000 ms', pass: warm.startupMs <= 5000 });
    // Memory with the registry loaded, before traffic; RSS after the load tests also holds garbage
    // the collector has not returned yet, so it is shown in the table but not held to a budget.
    checks.push({ id: 'd2', what: `RSS with ${LARGE} providers loaded`, measured: `${f1(largeRss)} MB`, target: '≤ 512 MB', pass: (largeRss ?? Infinity) <= 512 });
    await lawChange(scratch);
  } finally {
    for (const server of servers) await server.stop().catch(() => undefined);
    await rm(scratch, { recursive: true, force: true, maxRetries: 5 }).catch(() => undefined);
  }

  const scale = await scaleBenchmarks(); sections.push(...scale.sections); checks.push(...scale.checks); // prettier-ignore
  if (process.env.BENCH_ROBUSTNESS !== 'off') { const robust = await robustnessBenchmarks(); sections.push(...robust.sections); checks.push(...robust.checks); } // prettier-ignore
  const summary = markdownTable(['check', 'what', 'measured', 'target', 'result'], checks.map((c) => [c.id, c.what, c.measured, c.target, c.pass ? 'pass' : 'FAIL']));
  console.log(`\n### Targets\n\n${summary}\n`);
  const cpus = os.cpus();
  const machine = `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
  const date = new Date().toISOString();
  const doc = [
    '# Performance',
    '',
    'Measured by `npm run bench` (bench/run.ts): autocannon and a small harness against a really',
    'running server (the compiled `dist/main.js` that `npm start` runs, built first when stale;',
    'lowdb store in a temporary directory, seeded through the store; each server logs to a file of',
    'its own, never into the bench process). Absolute numbers vary with the machine; the targets are ratios measured',
    'in the same run, or latencies with generous margins. The script exits non-zero when a target',
    'is missed.',
    '',
    `- **date**: ${date}`,
    `- **machine**: ${machine}`,
    `- **duration of the run**: ${((performance.now() - started) / 1000).toFixed(0)} s`,
    '',
    '## Targets',
    '',
    summary,
    '',
    '## Measurements',
    '',
    ...sections,
    '## Notes',
    '',
    '- (b) holds because a write touches one provider only: its version body is written once under its hash',
    '  and its small index file (`DATA_DIR/providers/<id>.json`) is rewritten and fsynced, whatever the number',
    '  of providers and the length of the history.',
    '- (d) has no target in the issue; the budgets above are ours, to catch a start-up that grows out of hand.',
    '  Start-up analyses every stored provider (exposure matrix, disclosure score, findings), so it grows',
    '  linearly with the number of providers and with the cost of the model.',
    '- (a) sends the frozen copy of the largest sample (bench/fixtures/tandem-voice.json) with its first retention',
    '  duration (a field the score depends on) and its name different on every request, so neither an answer nor',
    '  a score keyed on content can be remembered; only caches keyed by the law may help. `POST /v1/score` validates,',
    '  finds what publishing would show and computes the matrix (every category × every profile), answered at',
    '  the default `explain=summary`: bounds, grades and `unknownRefs` into one table, about 130 KB instead of',
    '  about 1 MB with every cell\'s pathways and cited facts (`explain=facts`); for that answer the scoring core',
    '  builds no pathways at all (`explain=summary` in the core) and the answer\'s bytes are made in pieces',
    '  (src/http/json-bytes.ts). Bodies are never repeated within the section (each run goes on where the last',
    '  stopped: runs that started again at the first body were answered from the draft caches). The target row',
    '  (a2) runs against a second server whose project copy holds the 45 profiles shipped when the target was set',
    '  (bench/profile-subset-root.ts); a2′ is the same at the profile count of the day. In-process CPU per part of',
    '  a score request: `node --import tsx bench/score-request-cost.ts --profiles 45` (`--checkout` for another',
    '  commit); where its time goes: [score-cost.md](score-cost.md). (a′) repeats one body: score',
    '  remembers its serialised answer and validate its check. The second row of (a) is the service\'s request',
    '  handling alone (request log line with its id, metrics, security headers, the JSON reader that refuses',
    '  duplicate and forbidden keys, deep nesting and overlong arrays) answering the echo\'s acknowledgement;',
    '  (a″) runs each of those parts alone. The log line is written by a small middleware (no child logger and',
    '  wrapped request per request as with pino-http), metrics children are looked up once per label set, and',
    '  helmet\'s headers are computed once; the bench no longer reads any server\'s log lines.',
    '- (d4) the server analyses a first start on a thread per core by default (`ANALYSIS_WORKERS`); the main thread',
    '  works beside the threads (reads and checks each body, takes in each summary). The row compares the default',
    '  with one thread in the same run; below four cores it is informational: the threads share the cores with',
    '  the main thread and the rest of the machine.',
    '- Where the time of (b), (c) and (d) goes, in CPU rather than wall clock (a loaded machine stretches the latter):',
    '  `node --import tsx bench/scale-profile.ts --providers N [--profile DIR]` (in-process: CPU, garbage collections',
    '  and CPU profiles of a restart, 200 writes and 200 rankings) and `node --import tsx bench/scale-spawned.ts',
    '  --providers N [--first]` (the compiled server: its CPU per write and per ranking from /proc, and the time its',
    '  store appends took). test/service/work-per-write.test.ts counts the store, cache and read-model calls of a write',
    '  and of the ranking after it: the same at 6 and at 300 providers.',
    '- (e) runs the compiled read model in a process of its own (bench/law-change.mjs) on a seeded lowdb store:',
    '  first from nothing (every provider analysed in full, on the default analysis threads), then after a new',
    '  version of one profile\'s law data. Each analysis carries a key per column (the profile\'s data and which',
    '  of its facts are in force, union profiles folded in), so only that column is computed again (with the union',
    '  profiles, which every column reads); both runs read every body and write every analysis and summary.',
    '- (c) asks the same threat model again and again, which is answered from memory until a new version',
    '  is stored; (c′) rotates through more threat models than are remembered, so every request picks its page',
    '  afresh from the ranking index (columns of every provider\'s scores: a few passes over typed arrays, no sort',
    '  of every provider); its p95 under 10 concurrent connections is mostly queueing.',
    '- (s) seeds 15, 2,000 and 10,000 providers × 3 versions per store through the store itself, starts each once',
    '  (every provider analysed and remembered with its summary) and measures the restart, which reads only the',
    '  remembered summaries (about 4 KB each), neither bodies nor analyses. At 10,000 that takes many minutes per store',
    '  on a 2-core machine; `BENCH_SCALE=off` skips it, `BENCH_SCALE_PROVIDERS` sets the large size, `BENCH_SCALE_STORES=lowdb` (or `postgres`) runs one store. PostgreSQL runs',
    '  on a throwaway cluster with fsync off, so its write latency is the service\'s, not the disk\'s.',
    '- (r1) polls `/healthz` every 5 ms from the bench process (after a second of warm-up, not counted): at rest, then while',
    '  three attackers in another process send the corpus in a loop. CSV bodies stream to the CSV thread, which decodes and',
    '  reads them; what stays on the event loop is receiving the bytes, the merge and the answer. The machine has 2 cores, so',
    '  the CSV thread, the attackers and the poller share them with the server: the ratio also measures that sharing.',
    '- The machine is shared and noisy: compare ratios within one run, not absolute numbers across runs.',
    '',
  ].join('\n');
  await writeFile(path.join(projectRoot, 'docs', 'performance.md'), doc);
  console.log(`wrote docs/performance.md (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  if (checks.some((c) => !c.pass)) process.exitCode = 1;
}

await main();
