import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { openPostgresBackend, type PostgresBackend } from '../../src/backends/postgres-backend.js';
import { adminAuth, testService, validDeclaration } from '../support/service.js';
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
  let app: Awaited<ReturnType<typeof testService>>['app'];
  it('is 200 while the database answers and 503 naming it once it is gone', async () => {
    ({ app } = await testService(backend.store, { readinessChecks: { database: backend.check } }));
    const up = await request(app).get('/readyz');
    expect(up.status).toBe(200);
    expect(up.body).toEqual({ status: 'ready', checks: { database: 'ok' } });

    await db.stop();
    const down = await request(app).get('/readyz');
    expect(down.status).toBe(503);
    expect(down.body.status).toBe('unavailable');
    expect(down.body.checks.database).not.toBe('ok');
    expect(down.headers['cache-control']).toBe('no-store');
    // The probe is public: nothing of the connection (host, port) is published.
    const port = new URL(db.url).port;
    expect(down.text).not.toContain(port);
    expect(down.text).not.toContain('127.0.0.1');
  });

  it('answers a write with the database down 503 database-unavailable with Retry-After, never 500', async () => {
    const write = await request(app).post('/v1/providers/veritalk/declarations').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(validDeclaration()));
    expect(write.status).toBe(503);
    expect(write.type).toBe('application/problem+json');
    expect(write.body.type).toBe('https://retention-atlas.example/problems/database-unavailable');
    expect(Number(write.headers['retry-after'])).toBeGreaterThan(0);
    expect(write.text).not.toContain(new URL(db.url).port);
  });
});
