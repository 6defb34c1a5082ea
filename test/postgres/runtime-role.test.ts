import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { openPostgresBackend, type PostgresBackend } from '../../src/backends/postgres-backend.js';
import { openPool } from '../../src/store/postgres-pool.js';
import { APPEND_ONLY_TABLES } from '../../src/store/postgres-roles.js';
import { contentHash } from '../../src/store/version-record.js';
import { newObservation } from '../observations/observation-store-contract.js';
import { newAssessment } from '../assessments/assessment-store-contract.js';
import { newCampaign } from '../campaigns/campaign-store-contract.js';
import { startTestDatabase, type TestDatabase } from './test-database.js';

/** History, as the runtime role can name it: every append-only table, by the statements that would rewrite it. */
const REWRITES = (table: string) => [`UPDATE ${table} SET ${table === 'versions' ? 'submitted_by' : table === 'audit_entries' ? 'entry' : 'record'} = NULL`, `DELETE FROM ${table}`, `TRUNCATE ${table} CASCADE`];

let db: TestDatabase;
let owner: pg.Pool;
let runtimeUrl: string;
let backend: PostgresBackend;
let runtime: pg.Pool;
const role = `ra_runtime_${process.pid}`;

beforeAll(async () => {
  db = await startTestDatabase();
  owner = openPool(db.url, { max: 2 });
  await owner.query(`DROP ROLE IF EXISTS ${role}`);
  await owner.query(`CREATE ROLE ${role} LOGIN`);
  const url = new URL(db.url);
  url.username = role;
  runtimeUrl = url.toString();
  backend = await openPostgresBackend(runtimeUrl, { migrationUrl: db.url, poolMax: 4, log: () => undefined });
  runtime = openPool(runtimeUrl, { max: 2, log: () => undefined });
});
afterAll(async () => {
  await backend?.close();
  await runtime?.end();
  await owner?.query(`DROP OWNED BY ${role}`).catch(() => undefined);
  await owner?.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
  await owner?.end();
  await db?.stop();
});

describe('DATABASE_MIGRATION_URL: an owner role migrates, the runtime role cannot rewrite history', () => {
  it('lets the runtime do everything the service does', async () => {
    expect(backend.migrationsApplied.length).toBeGreaterThan(0);
    const version = await backend.store.append('veritalk', { body: '{"a":1}', expectedVersion: 0 });
    expect((await backend.store.version('veritalk', 1))?.hash).toBe(version.hash);
    await backend.audit.append({ keyId: 'key_1', role: 'admin', method: 'POST', path: '/v1/keys', status: 201 });
    await backend.keys.add({ id: 'key_1', hash: 'x'.repeat(64), createdAt: new Date().toISOString(), createdBy: 'test', role: 'admin', providerId: null } as never);
    expect(await backend.keys.revoke('key_1', new Date())).toBe(true); // UPDATE where state must change
    const observation = await backend.observations.append('veritalk', newObservation());
    expect(await backend.observations.respond('veritalk', observation.id, { statement: 'No.', sources: [], recordedAt: new Date().toISOString(), recordedBy: 'key_1' } as never)).toBeDefined();
    expect(await backend.observations.withdraw('veritalk', observation.id, { at: new Date().toISOString(), by: 'key_1' })).toBeDefined();
    // Assessments and campaigns: SELECT and INSERT (and the assessment counter's UPDATE) suffice.
    const assessment = await backend.assessments.append('veritalk', newAssessment());
    expect(await backend.assessments.respond('veritalk', assessment.id, { statement: 'No.', sources: [], recordedAt: new Date().toISOString(), recordedBy: 'key_1' })).toBeDefined();
    expect(await backend.assessments.withdraw('veritalk', assessment.id, { at: new Date().toISOString(), by: 'key_1' })).toBeDefined();
    await backend.campaigns.create(newCampaign());
    expect(await backend.campaigns.revise('letter-2013', { action: 'withdraw', at: new Date().toISOString(), by: 'key_1' })).toEqual(expect.objectContaining({ n: 1 }));
    await backend.rateLimits.increment('client');
    await backend.rateLimits.increment('client');
    await backend.rateLimits.decrement('client');
    await backend.rateLimits.resetKey('client');
    const cache = backend.analysisCache<{ n: number }>('key');
    await cache.set('veritalk', 1, { n: 1 });
    await cache.set('veritalk', 1, { n: 2 });
    expect(await cache.get('veritalk', 1)).toEqual({ n: 2 });
    await backend.check();
  });

  it.each([...APPEND_ONLY_TABLES])('refuses the runtime role any UPDATE, DELETE or TRUNCATE of %s, and disabling its triggers', async (table) => {
    for (const statement of REWRITES(table)) await expect(runtime.query(statement)).rejects.toThrow(/permission denied/);
    await expect(runtime.query(`ALTER TABLE ${table} DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
    await expect(runtime.query(`DROP TABLE ${table}`)).rejects.toThrow(/must be owner/);
    expect(Number((await owner.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n)).toBeGreaterThan(0);
  });

  it.each([...APPEND_ONLY_TABLES])('refuses even the owner an UPDATE, DELETE or TRUNCATE of %s (append-only triggers, TRUNCATE included)', async (table) => {
    for (const statement of REWRITES(table)) await expect(owner.query(statement)).rejects.toThrow(/append-only/);
  });

  it('refuses a version whose hash does not match its body, whoever inserts it', async () => {
    for (const pool of [runtime, owner]) {
      await expect(
        pool.query("INSERT INTO versions (provider_id, version, submitted_at, hash, body) VALUES ('veritalk', 9, 'now', $1, $2)", [contentHash('{"a":1}'), Buffer.from('{"a":2}')]),
      ).rejects.toThrow(/versions_hash_matches_body/);
    }
  });

  it('refuses to start when both URLs name the same role', async () => {
    await expect(openPostgresBackend(db.url, { migrationUrl: db.url, log: () => undefined })).rejects.toThrow(/role of its own/);
  });
});
