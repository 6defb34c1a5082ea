import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { JsonlAuditLog } from './audit/jsonl-audit-log.js';
import { LowdbKeyStore } from './auth/lowdb-key-store.js';
import { buildService } from './bootstrap.js';
import { gracefulClose } from './http/graceful-close.js';
import { readConfig } from './config.js';
import { loadSampleDeclarations } from './service/sample-data.js';
import { LowdbStore } from './store/lowdb-store.js';
import { lockDataDir } from './store/data-dir-lock.js';
import { StoreOpenError } from './store/store.js';

/** How long SIGTERM waits for in-flight requests before closing connections anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = readConfig();
  const lock = await lockDataDir(config.dataDir);
  process.once('exit', () => lock.release());
  const store = await LowdbStore.open(config.dataDir);
  const keys = await LowdbKeyStore.open(config.dataDir);
  const audit = await JsonlAuditLog.open(config.dataDir);
  if (config.adminApiKey !== undefined && config.adminApiKey.length < 32) {
    console.warn('ADMIN_API_KEY is shorter than 32 characters: use a long random value (e.g. `openssl rand -base64 32`)');
  }
  const { app, atlas } = await buildService(store, {
    bodyLimit: config.bodyLimit,
    analysisCacheDir: path.join(config.dataDir, 'analyses'),
    auth: { keys, audit, adminToken: config.adminApiKey },
    rateLimitPerMinute: config.rateLimitPerMinute,
    corsOrigins: config.corsOrigins,
    trustProxy: config.trustProxy,
  });
  if (config.loadSamples) {
    const loaded = await loadSampleDeclarations(atlas);
    if (loaded.length > 0) console.log(`loaded ${loaded.length} sample declarations: ${loaded.join(', ')}`);
  }
  const server = app.listen(config.port, config.host, () => {
    const { address, port } = server.address() as AddressInfo;
    const host = address.includes(':') ? `[${address}]` : address;
    console.log(`retention-atlas listening on http://${host}:${port} (data in ${config.dataDir})`);
  });

  const close = gracefulClose(server, SHUTDOWN_GRACE_MS);
  const shutdown = async (signal: string) => {
    console.log(`${signal}: no new connections; finishing in-flight requests`);
    await close();
    await store.close();
    await keys.close();
    await audit.close();
    lock.release();
    console.log(`${signal}: every acknowledged write is on disk; exiting`);
    process.exit(0);
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  if (error instanceof StoreOpenError) console.error(`cannot start: ${error.message}`);
  else console.error('cannot start:', error);
  process.exit(1);
});
