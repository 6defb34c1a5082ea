import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { openPostgresBackend, type PostgresBackend } from '../../src/backends/postgres-backend.js';
import { testService } from '../support/service.js';
import { startTestDatabase, type TestDatabase } from './test-database.js';

let db: TestDatabase;
let backend: PostgresBackend;
beforeAll(async () => {
  db = await startTestDatabase();
  backend = await openPostgresBackend(db.url, { log: () => undefined });
});
afterAll(async () => {
  await backend?.close().catch(() => undefined);
  await db?.stop();
});

describe('GET /readyz on PostgreSQL', () => {
  it('is 200 while the database answers and 503 naming it once it is gone', async () => {
    const { app } = await testService(backend.store, { readinessChecks: { database: backend.check } });
    const up = await request(app).get('/readyz');
    expect(up.status).toBe(200);
    expect(up.body).toEqual({ status: 'ready', checks: { database: 'ok' } });

    await db.stop();
    const down = await request(app).get('/readyz');
    expect(down.status).toBe(503);
    expect(down.body.status).toBe('unavailable');
    expect(down.body.checks.database).not.toBe('ok');
    expect(down.headers['cache-control']).toBe('no-store');
  });
});
