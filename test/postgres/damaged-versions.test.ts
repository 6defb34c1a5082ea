import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { MemoryAuditLog } from '../../src/audit/audit-log.js';
import { MemoryKeyStore } from '../../src/auth/key-store.js';
import { buildService } from '../../src/bootstrap.js';
import { openPostgresBackend, type PostgresBackend } from '../../src/backends/postgres-backend.js';
import { cli } from '../cli/run-cli.js';
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

const service = () =>
  buildService(backend.store, {
    log: () => undefined,
    observationStore: backend.observations,
    analysisCache: (key) => backend.analysisCache(key),
    auth: { keys: new MemoryKeyStore(), audit: new MemoryAuditLog(), adminToken: ADMIN_TOKEN },
  });

/**
 * A bad restore or a hand edit by a superuser: the CHECK constraint and the triggers are
 * bypassed the only way they can be (dropped and disabled by the owner), as such damage would.
 */
async function damage(providerId: string, version: number, body: string): Promise<void> {
  await backend.pool.query(
    `BEGIN; SET LOCAL session_replication_role = replica; ALTER TABLE versions DROP CONSTRAINT versions_hash_matches_body;
     UPDATE versions SET body = convert_to('${body}', 'UTF8') WHERE provider_id = '${providerId}' AND version = ${version};
     ALTER TABLE versions ADD CONSTRAINT versions_hash_matches_body CHECK (hash = 'sha256:' || encode(sha256(body), 'hex')) NOT VALID; COMMIT`,
  );
}

describe('integrity on read (PostgreSQL)', () => {
  it('never serves a row whose body no longer matches its hash, and verify names it', async () => {
    const first = await service();
    const v1 = JSON.stringify(validDeclaration('pg-damaged'));
    const v2 = JSON.stringify({ ...validDeclaration('pg-damaged'), asOf: '2024-09-30' });
    for (const body of [v1, v2]) await request(first.app).post('/v1/providers/pg-damaged/declarations').set(adminAuth).set('content-type', 'application/json').send(body).expect(201);
    expect(await cli('verify', '--database-url', db.url)).toMatchObject({ code: 0, out: '' });

    await damage('pg-damaged', 2, '{"tampered":true}');
    const restarted = await service();
    const res = await request(restarted.app).get('/v1/providers/pg-damaged/declarations/2');
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ type: 'https://retention-atlas.example/problems/damaged-version', providerId: 'pg-damaged', version: 2 });
    expect(res.text).not.toContain('tampered');
    expect((await request(restarted.app).get('/v1/providers/pg-damaged/diff')).status).toBe(500);
    expect((await request(restarted.app).get('/v1/providers/pg-damaged/declarations/1')).text).toBe(v1);
    expect((await request(restarted.app).get('/metrics')).text).toMatch(/^damaged_versions_total 2$/m);

    const run = await cli('verify', '--database-url', db.url);
    expect(run).toMatchObject({ code: 1, out: 'pg-damaged 2 hash-mismatch\n' });
    expect(run.err).toContain('checked 2 versions of 1 providers');
  });
});
