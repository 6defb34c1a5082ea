import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { policiesDir } from '../../src/paths.js';
import { openPostgresBackend } from '../../src/backends/postgres-backend.js';
import { startServer, type RunningServer } from '../support/running-server.js';
import { startTestDatabase, type TestDatabase } from './test-database.js';

let db: TestDatabase;
const servers: RunningServer[] = [];
beforeAll(async () => {
  db = await startTestDatabase();
}, 30_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db?.stop();
});

describe('one-time setup on PostgreSQL', () => {
  it('runs the exclusive work of replicas one after another, never overlapping', async () => {
    const backends = await Promise.all([1, 2, 3].map(() => openPostgresBackend(db.url, { log: () => undefined, poolMax: 2 })));
    try {
      let running = 0;
      let most = 0;
      const work = async () => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 50));
        running--;
      };
      await Promise.all(backends.map((b) => b.exclusive(work)));
      expect(most).toBe(1);
    } finally {
      await Promise.all(backends.map((b) => b.close()));
    }
  });

  // End to end: whichever order the replicas reach it, the samples are loaded once and every replica serves them.
  it('load the samples once between them: one version per sample provider, each sample observation once', async () => {
    const env = { DATABASE_URL: db.url, LOAD_SAMPLE_DATA: 'true', RATE_LIMIT_PER_MINUTE: '0' };
    servers.push(...(await Promise.all([startServer({ env }), startServer({ env }), startServer({ env })])));
    const samples = (await readdir(path.join(policiesDir, 'providers'))).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
    for (const id of samples) {
      const res = await fetch(`${servers[0].url}/v1/providers/${id}/declarations`);
      expect(((await res.json()) as { versions: unknown[] }).versions).toHaveLength(1);
    }
    for (const file of (await readdir(path.join(policiesDir, 'observations'))).filter((f) => f.endsWith('.json'))) {
      const sample = JSON.parse(await readFile(path.join(policiesDir, 'observations', file), 'utf8')) as { providerId: string; observations: unknown[] };
      for (const server of servers) {
        const res = await fetch(`${server.url}/v1/providers/${sample.providerId}/observations`);
        expect(((await res.json()) as { total: number }).total).toBe(sample.observations.length);
      }
    }
  }, 60_000);
});
