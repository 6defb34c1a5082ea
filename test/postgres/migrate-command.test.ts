import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JsonlAuditLog } from '../../src/audit/jsonl-audit-log.js';
import { LowdbKeyStore } from '../../src/auth/lowdb-key-store.js';
import { PostgresAuditLog } from '../../src/audit/postgres-audit-log.js';
import { PostgresKeyStore } from '../../src/auth/postgres-key-store.js';
import { mintToken } from '../../src/auth/token.js';
import { LowdbAssessmentStore, LowdbObservationStore } from '../../src/store/lowdb-observation-store.js';
import { LowdbCampaignStore } from '../../src/store/lowdb-campaign-store.js';
import { PostgresCampaignStore } from '../../src/store/postgres-campaign-store.js';
import { ASSESSMENT_TABLES, PostgresRecordStore } from '../../src/store/postgres-observation-store.js';
import type { AssessmentRecord } from '../../src/assessments/assessment-record.js';
import { newAssessment } from '../assessments/assessment-store-contract.js';
import { newCampaign } from '../campaigns/campaign-store-contract.js';
import { PostgresObservationStore } from '../../src/store/postgres-observation-store.js';
import { verifyCopy } from '../../src/backends/postgres-copy.js';
import { newObservation } from '../observations/observation-store-contract.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { openPool } from '../../src/store/postgres-pool.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import { cli } from '../cli/run-cli.js';
import { startTestDatabase, type TestDatabase } from './test-database.js';

let db: TestDatabase;
let dataDir: string;
beforeAll(async () => {
  db = await startTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), 'atlas-migrate-'));
});
afterAll(async () => {
  await db?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const bodies = ['{"v": 1, "text": "ünïcödé ✓ \\u0000"}\n', '{\n  "v" : 2, "rtl": "\u202e \u{1F4E8}"\n}', '{"v":3}'];

describe('retention-atlas migrate --from-data-dir … --to …', () => {
  it('copies versions byte for byte with their hashes, keys, the audit trail and observations, verifies, and refuses a second copy', async () => {
    const store = await LowdbStore.open(dataDir, () => new Date('2026-03-04T05:06:07Z'));
    for (const [i, body] of bodies.entries()) await store.append('alpha', { body, expectedVersion: i, ...(i === 1 ? { submittedBy: 'key_1' } : {}) });
    await store.append('beta-mail', { body: '{"b":1}', expectedVersion: 0 });
    await store.close();
    const keys = await LowdbKeyStore.open(dataDir);
    const minted = mintToken();
    await keys.add({ id: minted.id, hash: minted.hash, role: 'provider', providerId: 'alpha', createdAt: '2026-01-01T00:00:00.000Z' });
    await keys.revoke(minted.id, new Date('2026-02-01T00:00:00Z'));
    await keys.close();
    const audit = await JsonlAuditLog.open(dataDir);
    for (const n of [1, 2, 3]) await audit.append({ keyId: `key_${n}`, role: 'admin', method: 'POST', path: `/v1/x/${n}`, status: 201, resource: `/r/${n}` });
    await audit.close();
    const observations = await LowdbObservationStore.open(dataDir);
    await observations.append('alpha', newObservation());
    await observations.append('alpha', newObservation('/legalProcess/liveInterception', { statement: 'Second \u202e \u{1F4E8}', supersedes: 1 }));
    await observations.append('never-declared', newObservation('/legalProcess/liveInterception', { providerName: 'Never Declared' }));
    await observations.respond('alpha', 1, { statement: 'Not so.', sources: [], recordedAt: '2026-01-03T00:00:00.000Z', recordedBy: 'key_provider' });
    await observations.respond('alpha', 1, { statement: 'Still not.', sources: [], recordedAt: '2026-01-05T00:00:00.000Z', recordedBy: 'key_provider' });
    await observations.withdraw('alpha', 2, { at: '2026-01-04T00:00:00.000Z', by: 'admin-env', reason: 'duplicate' });
    const observedBefore = { alpha: await observations.list('alpha'), never: await observations.list('never-declared') };
    await observations.close();

    const run = await cli('migrate', '--from-data-dir', dataDir, '--to', db.url);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('copied 2 providers (4 versions), 1 keys, 3 audit entries and 3 observations (2 responses, 1 withdrawals)');
    expect(run.out).toContain('verified byte for byte');

    const pool = openPool(db.url, { max: 2 });
    try {
      const copy = new PostgresStore(pool);
      const source = await LowdbStore.open(dataDir);
      for (const id of ['alpha', 'beta-mail']) expect(await copy.history(id)).toEqual(await source.history(id));
      for (const [i, body] of bodies.entries()) expect((await copy.version('alpha', i + 1))?.body).toBe(body);
      await source.close();
      expect((await new PostgresKeyStore(pool).find(minted.id))?.revokedAt).toBe('2026-02-01T00:00:00.000Z');
      const trail = await new PostgresAuditLog(pool).list({ limit: 10, offset: 0 });
      expect(trail.items.map((e) => [e.seq, e.resource])).toEqual([[3, '/r/3'], [2, '/r/2'], [1, '/r/1']]);
      const observed = new PostgresObservationStore(pool);
      expect(await observed.providerIds()).toEqual(['alpha', 'never-declared']);
      expect(await observed.list('alpha')).toEqual(observedBefore.alpha);
      expect(await observed.list('never-declared')).toEqual(observedBefore.never);
      // The verification reads the copy back: a response the source does not have is a difference.
      await pool.query(`INSERT INTO observation_responses (provider_id, observation_id, id, record) VALUES ('alpha', 2, 1, '{"statement":"forged","sources":[]}')`);
      const sources = { store: await LowdbStore.open(dataDir), keys: await LowdbKeyStore.open(dataDir), audit: await JsonlAuditLog.open(dataDir), observations: await LowdbObservationStore.open(dataDir) };
      try {
        expect(await verifyCopy(sources, pool)).toEqual(['alpha: the observations, their responses or withdrawals differ']);
      } finally {
        await Promise.all(Object.values(sources).map((s) => s.close()));
      }
      // Writes continue where the copied history ends.
      expect((await copy.append('alpha', { body: '{}', expectedVersion: 3 })).version).toBe(4);
      expect((await observed.append('alpha', newObservation())).id).toBe(3);
    } finally {
      await pool.end();
    }

    const again = await cli('migrate', '--from-data-dir', dataDir, '--to', db.url);
    expect(again.code).toBe(1);
    expect(again.err).toContain('nothing was copied: the target database already holds');
  });

  it('only brings the schema up to date without --from-data-dir', async () => {
    const run = await cli('migrate', '--to', db.url);
    expect(run).toMatchObject({ code: 0, out: 'schema already current\n' });
  });
});

describe('retention-atlas migrate copies assessments and campaigns too', () => {
  it('keeps their numbers, responses, withdrawals and revisions, and verifies them', async () => {
    const other = await startTestDatabase();
    const dir = await mkdtemp(path.join(tmpdir(), 'atlas-migrate-authors-'));
    try {
      const assessments = await LowdbAssessmentStore.open(dir);
      await assessments.append('skype-2013', newAssessment());
      await assessments.append('skype-2013', newAssessment({ supersedes: 1 }));
      await assessments.respond('skype-2013', 2, { statement: 'We disagree.', sources: [], recordedAt: '2026-01-03T00:00:00.000Z', recordedBy: 'key_provider' });
      await assessments.withdraw('skype-2013', 1, { at: '2026-01-04T00:00:00.000Z', by: 'admin-env' });
      const assessedBefore = await assessments.list('skype-2013');
      await assessments.close();
      const campaigns = await LowdbCampaignStore.open(dir);
      await campaigns.create(newCampaign());
      await campaigns.revise('letter-2013', { action: 'amend', replyDueBy: '2013-05-01', at: '2026-01-05T00:00:00.000Z', by: 'k' });
      const campaignsBefore = await campaigns.list();
      await campaigns.close();

      const run = await cli('migrate', '--from-data-dir', dir, '--to', other.url);
      expect(run.err).toBe('');
      expect(run.out).toContain('2 assessments and 1 campaigns');
      const pool = openPool(other.url, { max: 2 });
      try {
        expect(await new PostgresRecordStore<AssessmentRecord>(pool, ASSESSMENT_TABLES).list('skype-2013')).toEqual(assessedBefore);
        expect(await new PostgresCampaignStore(pool).list()).toEqual(campaignsBefore);
        // Numbering continues after the copied history.
        expect((await new PostgresRecordStore<AssessmentRecord>(pool, ASSESSMENT_TABLES).append('skype-2013', newAssessment())).id).toBe(3);
      } finally {
        await pool.end();
      }
    } finally {
      await other.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
