/**
 * Event-loop delay of single hostile requests on an idle server with the default limits
 * (BODY_LIMIT 1 MB, CSV 16 MB): the service as main.ts builds it (in memory, with the sample
 * declarations), listening on a free port. A client thread (bench/hostile-client.mjs) builds
 * each body and sends it alone, three times; the server's thread records the longest
 * event-loop delay while it is answered (monitorEventLoopDelay, 1 ms resolution), reported with
 * the status and the time to the whole answer.
 *
 *   LOG_LEVEL=silent node --import tsx bench/hostile-bodies.ts
 *
 * HOSTILE_BODIES=score,validate (comma-separated, case-insensitive parts of the names) sends
 * only the bodies whose name contains one of them. Bodies run in the order listed: the keyed
 * submission of the largest declaration comes before the reads of it.
 *
 * The largest bodies are answered on the draft thread (DRAFT_WORKERS, one by default): the
 * server is built as main.ts builds it, with its own draft pool.
 */
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { MemoryAuditLog } from '../src/audit/audit-log.js';
import { MemoryKeyStore } from '../src/auth/key-store.js';
import { buildService } from '../src/bootstrap.js';
import { csvThread } from '../src/http/csv-thread/csv-thread.js';
import { closeDraftPool } from '../src/http/draft-thread/draft-pool.js';
import { loadSampleDeclarations } from '../src/service/sample-data.js';
import { MemoryStore } from '../src/store/memory-store.js';
import { validDeclaration } from '../test/support/service.js';

const ADMIN = 'hostile-bench-admin-token-0123456789abcdef';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const { app, atlas } = await buildService(new MemoryStore(), { auth: { keys: new MemoryKeyStore(), audit: new MemoryAuditLog(), adminToken: ADMIN }, warmUp: true });
await loadSampleDeclarations(atlas);
const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const client = new Worker(new URL('./hostile-client.mjs', import.meta.url), { workerData: { base, admin: ADMIN, declaration: validDeclaration('hostile-co') } });
const next = () => new Promise<Record<string, any>>((resolve) => client.once('message', resolve));
const { names } = (await next()) as { names: string[] };

const rows = ['| body | size | status | answer (ms), 3 runs | longest event-loop delay (ms), 3 runs | process RSS after (MB) |', '|---|---|---|---|---|---|'];
const only = (process.env.HOSTILE_BODIES ?? '').split(',').map((part) => part.trim().toLowerCase()).filter((part) => part !== '');
for (let index = 0; index < names.length; index++) {
  if (only.length > 0 && !only.some((part) => names[index].toLowerCase().includes(part))) continue;
  client.postMessage({ index, prepare: true });
  const { size } = await next();
  let status = 0;
  const answers: number[] = [];
  const delays: number[] = [];
  for (let run = 0; run < 3; run++) {
    await sleep(100);
    const h = monitorEventLoopDelay({ resolution: 1 });
    h.enable();
    client.postMessage({ index, run });
    const answer = await next();
    // A block that ends with the answer is recorded when the monitor's timer fires next.
    await sleep(20);
    h.disable();
    status = answer.status;
    answers.push(answer.ms);
    delays.push(h.max / 1e6);
  }
  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' / ');
  rows.push(`| ${names[index]} | ${(size / 1024 / 1024).toFixed(2)} MB | ${status} | ${fmt(answers)} | ${fmt(delays)} | ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} |`);
  process.stderr.write(`${rows[rows.length - 1]}\n`);
}
console.log(rows.join('\n'));
await client.terminate();
server.close();
await csvThread().close();
await closeDraftPool();
process.exit(0);
