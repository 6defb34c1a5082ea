import type { AddressInfo } from 'node:net';
import { buildService } from './bootstrap.js';
import { readConfig } from './config.js';
import { loadSampleDeclarations } from './service/sample-data.js';
import { LowdbStore } from './store/lowdb-store.js';
import { StoreOpenError } from './store/store.js';

async function main(): Promise<void> {
  const config = readConfig();
  const store = await LowdbStore.open(config.dataDir);
  const { app, atlas } = await buildService(store, { bodyLimit: config.bodyLimit });
  if (config.loadSamples) {
    const loaded = await loadSampleDeclarations(atlas);
    if (loaded.length > 0) console.log(`loaded ${loaded.length} sample declarations: ${loaded.join(', ')}`);
  }
  const server = app.listen(config.port, config.host, () => {
    const { address, port } = server.address() as AddressInfo;
    const host = address.includes(':') ? `[${address}]` : address;
    console.log(`retention-atlas listening on http://${host}:${port} (data in ${config.dataDir})`);
  });

  const shutdown = (signal: string) => {
    console.log(`${signal}: no new connections; finishing in-flight requests`);
    server.close(async () => {
      await store.close();
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  if (error instanceof StoreOpenError) console.error(`cannot start: ${error.message}`);
  else console.error('cannot start:', error);
  process.exit(1);
});
