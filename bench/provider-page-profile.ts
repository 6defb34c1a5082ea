/**
 * Where a provider page (or another read) of a stored 1 MB declaration spends the event loop's time: stores the
 * largest valid declaration (test/support/largest-declaration.mjs), asks the page under law
 * dates never asked before, and prints each request's longest event-loop delay. Run under
 * `--cpu-prof` and read the profile with bench/profile-top.mjs:
 *
 *   LOG_LEVEL=silent node --cpu-prof --cpu-prof-dir=.prof --import tsx bench/provider-page-profile.ts [path]
 */
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { MemoryAuditLog } from '../src/audit/audit-log.js';
import { MemoryKeyStore } from '../src/auth/key-store.js';
import { buildService } from '../src/bootstrap.js';
import { closeDraftPool } from '../src/http/draft-thread/draft-pool.js';
import { MemoryStore } from '../src/store/memory-store.js';
import { largestDeclaration } from '../test/support/largest-declaration.mjs';

const ADMIN = 'profile-bench-admin-token-0123456789abcdef';
const ID = 'hostile-co';
const { app } = await buildService(new MemoryStore(), { auth: { keys: new MemoryKeyStore(), audit: new MemoryAuditLog(), adminToken: ADMIN } });
const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const stored = await fetch(`${base}/v1/providers/${ID}/declarations`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` }, body: largestDeclaration(ID, 1024 * 1024 - 64) });
if (stored.status !== 201) throw new Error(`store: ${stored.status} ${await stored.text()}`);
// Another read of it: `/v1/providers/hostile-co/exposure?explain=full` (a lawDate is added).
const path = process.argv[2] ?? `/providers/${ID}`;
for (let run = 0; run < 6; run++) {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const started = performance.now();
  // Each run under a law of its own (a year apart: the profiles' law changes between them).
  const res = await fetch(`${base}${path}${path.includes('?') ? '&' : '?'}lawDate=${2013 + run}-02-10`);
  await res.arrayBuffer();
  const took = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 20));
  h.disable();
  console.log(`${res.status} answer ${took.toFixed(0)} ms, longest event-loop delay ${(h.max / 1e6).toFixed(0)} ms`);
}
server.close();
await closeDraftPool();
