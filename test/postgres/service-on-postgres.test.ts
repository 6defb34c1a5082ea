import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { MemoryAuditLog } from '../../src/audit/audit-log.js';
import { MemoryKeyStore } from '../../src/auth/key-store.js';
import { buildService } from '../../src/bootstrap.js';
import { openPostgresBackend, type PostgresBackend } from '../../src/backends/postgres-backend.js';
import { ADMIN_TOKEN, adminAuth, validDeclaration } from '../support/service.js';
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

/** The service as main.ts builds it on PostgreSQL (keys and audit in memory: not what is tested here). */
const service = () =>
  buildService(backend.store, {
    log: () => undefined,
    observationStore: backend.observations,
    analysisCache: (key) => backend.analysisCache(key),
    auth: { keys: new MemoryKeyStore(), audit: new MemoryAuditLog(), adminToken: ADMIN_TOKEN },
  });
const json = { 'content-type': 'application/json' };
const evidence = { pointer: '/legalProcess/liveInterception', value: 'supported', statement: 'Seen.', observedAt: '2012-07-26', sources: [{ url: 'https://example.org/r', title: 'R', kind: 'academic-study' }] };

describe('the service on PostgreSQL', () => {
  it('keeps observations across a restart and lists the newest versions of every provider in the feed', async () => {
    const first = await service();
    for (const id of ['feed-one', 'feed-two']) await request(first.app).post(`/v1/providers/${id}/declarations`).set(adminAuth).set(json).send(JSON.stringify(validDeclaration(id))).expect(201);
    await request(first.app).post('/v1/providers/feed-two/observations').set(adminAuth).set(json).send(JSON.stringify(evidence)).expect(201);

    const restarted = await service();
    const list = await request(restarted.app).get('/v1/providers/feed-two/observations').expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: 1, providerId: 'feed-two', status: 'active' })]);
    const feed = await request(restarted.app).get('/v1/feed.atom').expect(200);
    for (const path of ['/providers/feed-one/declarations/1', '/providers/feed-two/declarations/1', '/providers/feed-two/observations/1']) expect(feed.text).toContain(path);
  });
});
