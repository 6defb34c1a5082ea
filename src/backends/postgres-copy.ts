import { isDeepStrictEqual } from 'node:util';
import type pg from 'pg';
import type { AuditEntry, AuditLog } from '../audit/audit-log.js';
import type { ApiKey } from '../auth/api-key.js';
import type { KeyStore } from '../auth/key-store.js';
import { PostgresAuditLog } from '../audit/postgres-audit-log.js';
import { PostgresKeyStore } from '../auth/postgres-key-store.js';
import type { ObservationStore } from '../observations/observation-store.js';
import { ASSESSMENT_TABLES, insertObservationExact, insertRecordExact, PostgresObservationStore, PostgresRecordStore } from '../store/postgres-observation-store.js';
import { PostgresCampaignStore } from '../store/postgres-campaign-store.js';
import type { AssessmentRecord, AssessmentStore } from '../assessments/assessment-record.js';
import type { CampaignStore } from '../campaigns/campaign-store.js';
import { inTransaction } from '../store/postgres-pool.js';
import { PostgresStore } from '../store/postgres-store.js';
import type { Store, VersionRecord } from '../store/store.js';
import { contentHash } from '../store/version-record.js';

/** An instance's record: every version, the keys, the audit trail and the observations (analyses are a cache and are recomputed). */
export interface Instance {
  store: Store;
  keys: KeyStore;
  audit: AuditLog;
  observations: ObservationStore;
  /** Assessments and campaigns, when the instance keeps them (every data directory since migration 005). */
  assessments?: AssessmentStore;
  campaigns?: CampaignStore;
}

export interface CopySummary {
  providers: number;
  versions: number;
  keys: number;
  auditEntries: number;
  observations: number;
  responses: number;
  withdrawals: number;
  assessments: number;
  campaigns: number;
}

async function allAuditEntries(audit: AuditLog): Promise<AuditEntry[]> {
  const { items } = await audit.list({ limit: Number.MAX_SAFE_INTEGER, offset: 0 });
  return items.reverse();
}

/** Every version of every provider, body included, each checked against its recorded hash. */
async function* versionsOf(store: Store): AsyncGenerator<VersionRecord> {
  for (const providerId of await store.providerIds()) {
    for (const meta of await store.history(providerId)) {
      const record = await store.version(providerId, meta.version);
      if (!record) throw new Error(`${providerId} version ${meta.version} is listed but cannot be read`);
      if (contentHash(record.body) !== record.hash) throw new Error(`${providerId} version ${meta.version}: the body does not match its recorded hash ${record.hash}`);
      yield record;
    }
  }
}

/**
 * Copies an instance into an empty, migrated PostgreSQL database in one transaction: all
 * of it or nothing. Versions keep their numbers, times, hashes and key ids; bodies are
 * copied as bytes. Refuses a database that already holds versions, keys or audit entries.
 */
export async function copyInstance(source: Instance, pool: pg.Pool): Promise<CopySummary> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ n: string }>(
      'SELECT (SELECT COUNT(*) FROM versions) + (SELECT COUNT(*) FROM api_keys) + (SELECT COUNT(*) FROM audit_entries) + (SELECT COUNT(*) FROM observations) + (SELECT COUNT(*) FROM assessments) + (SELECT COUNT(*) FROM campaigns) AS n',
    );
    if (Number(rows[0].n) > 0) throw new Error('the target database already holds versions, keys, audit entries, observations, assessments or campaigns: copy into an empty database');
    const summary: CopySummary = { providers: 0, versions: 0, keys: 0, auditEntries: 0, observations: 0, responses: 0, withdrawals: 0, assessments: 0, campaigns: 0 };
    for await (const record of versionsOf(source.store)) {
      await client.query('INSERT INTO providers (provider_id, latest_version) VALUES ($1, $2) ON CONFLICT (provider_id) DO UPDATE SET latest_version = EXCLUDED.latest_version', [
        record.providerId,
        record.version,
      ]);
      await client.query('INSERT INTO versions (provider_id, version, submitted_at, hash, submitted_by, body) VALUES ($1, $2, $3, $4, $5, $6)', [
        record.providerId,
        record.version,
        record.submittedAt,
        record.hash,
        record.submittedBy ?? null,
        Buffer.from(record.body, 'utf8'),
      ]);
      if (record.version === 1) summary.providers++;
      summary.versions++;
    }
    for (const key of await source.keys.list()) {
      if (key.source === 'env') continue;
      await client.query('INSERT INTO api_keys (id, record) VALUES ($1, $2)', [key.id, JSON.stringify(key)]);
      summary.keys++;
    }
    const audit = new PostgresAuditLog(pool);
    for (const entry of await allAuditEntries(source.audit)) {
      await audit.insert(client, entry);
      summary.auditEntries++;
    }
    // Observations keep their numbers, responses and withdrawal markers; later ones continue the numbering.
    for (const providerId of await source.observations.providerIds()) {
      for (const record of await source.observations.list(providerId)) {
        await insertObservationExact(client, record);
        summary.observations++;
        summary.responses += record.responses.length;
        if (record.withdrawn) summary.withdrawals++;
      }
    }
    // Assessments likewise; campaigns with their revisions, as created.
    for (const providerId of (await source.assessments?.providerIds()) ?? []) {
      for (const record of await source.assessments!.list(providerId)) {
        await insertRecordExact(ASSESSMENT_TABLES, client, record);
        summary.assessments++;
        summary.responses += record.responses.length;
        if (record.withdrawn) summary.withdrawals++;
      }
    }
    for (const { revisions, ...campaign } of (await source.campaigns?.list()) ?? []) {
      await client.query('INSERT INTO campaigns (id, record) VALUES ($1, $2)', [campaign.id, JSON.stringify(campaign)]);
      for (const { n, ...revision } of revisions) await client.query('INSERT INTO campaign_revisions (campaign_id, n, record) VALUES ($1, $2, $3)', [campaign.id, n, JSON.stringify(revision)]);
      summary.campaigns++;
    }
    return summary;
  });
}

/** Reads the copy back and compares it with the source; returns every difference found (none: a faithful copy). */
export async function verifyCopy(source: Instance, pool: pg.Pool): Promise<string[]> {
  const problems: string[] = [];
  const target = new PostgresStore(pool);
  const [sourceIds, targetIds] = [await source.store.providerIds(), await target.providerIds()];
  if (!isDeepStrictEqual(sourceIds, targetIds)) problems.push(`providers differ: ${sourceIds.length} in the source, ${targetIds.length} in the database`);
  for await (const record of versionsOf(source.store)) {
    const copy = await target.version(record.providerId, record.version);
    if (!copy || !Buffer.from(copy.body, 'utf8').equals(Buffer.from(record.body, 'utf8')) || contentHash(copy.body) !== record.hash) {
      problems.push(`${record.providerId} version ${record.version}: the body or its hash differs`);
    } else if (!isDeepStrictEqual({ ...copy }, { ...record })) {
      problems.push(`${record.providerId} version ${record.version}: time, hash or key id differs`);
    }
  }
  for (const providerId of sourceIds) {
    const [a, b] = [await source.store.history(providerId), await target.history(providerId)];
    if (a.length !== b.length) problems.push(`${providerId}: ${a.length} versions in the source, ${b.length} in the database`);
  }
  const byId = (keys: ApiKey[]) => keys.filter((k) => k.source !== 'env').sort((x, y) => x.id.localeCompare(y.id));
  if (!isDeepStrictEqual(byId(await source.keys.list()), byId(await new PostgresKeyStore(pool).list()))) problems.push('the API keys differ');
  const copied = (await new PostgresAuditLog(pool).list({ limit: Number.MAX_SAFE_INTEGER, offset: 0 })).items.reverse();
  if (!isDeepStrictEqual(await allAuditEntries(source.audit), copied)) problems.push('the audit trail differs');
  const observations = new PostgresObservationStore(pool);
  const [observedSource, observedTarget] = [await source.observations.providerIds(), await observations.providerIds()];
  if (!isDeepStrictEqual(observedSource, observedTarget)) problems.push(`observed providers differ: ${observedSource.length} in the source, ${observedTarget.length} in the database`);
  for (const providerId of observedSource) {
    // Compared as JSON values (re-parsed here, so objects from different parsers compare alike): what the source holds is what the database must give back.
    const [a, b] = [await source.observations.list(providerId), await observations.list(providerId)].map((list) => JSON.parse(JSON.stringify(list)) as unknown);
    if (!isDeepStrictEqual(a, b)) problems.push(`${providerId}: the observations, their responses or withdrawals differ`);
  }
  const assessments = new PostgresRecordStore<AssessmentRecord>(pool, ASSESSMENT_TABLES);
  for (const providerId of (await source.assessments?.providerIds()) ?? []) {
    const [a, b] = [await source.assessments!.list(providerId), await assessments.list(providerId)].map((list) => JSON.parse(JSON.stringify(list)) as unknown);
    if (!isDeepStrictEqual(a, b)) problems.push(`${providerId}: the assessments, their responses or withdrawals differ`);
  }
  if (source.campaigns) {
    const [a, b] = [await source.campaigns.list(), await new PostgresCampaignStore(pool).list()].map((list) => JSON.parse(JSON.stringify(list)) as unknown);
    if (!isDeepStrictEqual(a, b)) problems.push('the campaigns or their revisions differ');
  }
  return problems;
}
