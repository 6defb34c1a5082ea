/**
 * Issue 23 (work under a new law date stays off the event loop): on a lowdb store of N providers
 * (seeded when the data folder is empty; analyses remembered in its analyses folder), the service
 * as main.ts builds it listens on a free port; a client thread sends one request at a time, each
 * with a law date not asked before, and the server's thread records the longest event-loop delay
 * while it is answered (monitorEventLoopDelay, 1 ms resolution) with the status and answer time.
 *
 *   LOG_LEVEL=silent node --import tsx bench/law-date-delay.ts <dataDir> [providers]
 */
import type { AddressInfo } from 'node:net';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { MemoryAuditLog } from '../src/audit/audit-log.js';
import { MemoryKeyStore } from '../src/auth/key-store.js';
import { buildService } from '../src/bootstrap.js';
import { todayUtc } from '../src/law/in-force.js';
import { LawInForce } from '../src/law/law-in-force.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import { seedStore } from './seed-store.js';

const [dataDir, count = '2000'] = process.argv.slice(2);
const empty = (() => {
  try {
    return readdirSync(dataDir).length === 0;
  } catch {
    return true;
  }
})();
if (empty) await seedStore(dataDir, Number(count));
const store = await LowdbStore.open(dataDir);
const started = performance.now();
const { app, atlas, policy } = await buildService(store, { auth: { keys: new MemoryKeyStore(), audit: new MemoryAuditLog(), adminToken: 'law-date-bench-admin-0123456789abcdef' }, analysisCacheDir: path.join(dataDir, 'analyses'), analysisWorkers: 2, warmUp: true });
process.stderr.write(`read model of ${atlas.providerIds().length} providers in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// Dates: one on which CN stands as today (another date of today's law), and ones on which CN's law differs.
const law = new LawInForce(policy.jurisdictions);
const today = todayUtc();
const day = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const sameLaw = Array.from({ length: 60 }, (_, i) => day(today, i + 1)).find((d) => !law.changedColumns(today, d).includes('CN'))!;
const otherLaw = Array.from({ length: 40 }, (_, i) => `${2000 + i % 20}-0${1 + (i % 9)}-1${i % 10}`).filter((d) => law.changedColumns(today, d).length > 0);
const requests: [string, string][] = [
  ['ranking CN × message-content, a date of today\'s law for CN', `/v1/exposure?jurisdiction=CN&category=message-content&lawDate=${sameLaw}`],
  [`ranking CN × message-content, ${otherLaw[0]} (CN's law differs: ${law.changedColumns(today, otherLaw[0]).length} columns differ)`, `/v1/exposure?jurisdiction=CN&category=message-content&lawDate=${otherLaw[0]}`],
  [`ranking page (HTML), ${otherLaw[1]}`, `/?jurisdiction=CN&category=message-content&lawDate=${otherLaw[1]}`],
  [`home page (every jurisdiction), ${otherLaw[2]}`, `/?lawDate=${otherLaw[2]}`],
];

const client = new Worker(
  `const { parentPort } = require('node:worker_threads');
   parentPort.on('message', async (url) => { const t = performance.now(); const r = await fetch(url); const body = await r.arrayBuffer(); parentPort.postMessage({ status: r.status, ms: performance.now() - t, bytes: body.byteLength, retryAfter: r.headers.get('retry-after') }); });`,
  { eval: true },
);
const rows = ['| request | status | answer ms | bytes | longest event-loop delay ms |', '|---|---|---|---|---|'];
for (const [name, url] of requests) {
  await new Promise((resolve) => setTimeout(resolve, 200));
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  client.postMessage(base + url);
  const answer = await new Promise<{ status: number; ms: number; bytes: number; retryAfter: string | null }>((resolve) => client.once('message', resolve));
  await new Promise((resolve) => setTimeout(resolve, 20));
  h.disable();
  rows.push(`| ${name} | ${answer.status}${answer.retryAfter ? ` (Retry-After ${answer.retryAfter})` : ''} | ${answer.ms.toFixed(0)} | ${answer.bytes} | ${(h.max / 1e6).toFixed(0)} |`);
  process.stderr.write(`${rows[rows.length - 1]}\n`);
}
console.log(rows.join('\n'));
await client.terminate();
server.close();
await store.close();
process.exit(0);
