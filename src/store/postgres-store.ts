import type pg from 'pg';
import { CHANGES_CHANNEL, type Change } from './postgres-change-feed.js';
import { inTransaction } from './postgres-pool.js';
import { StoreWriteError, VersionConflictError, type AppendInput, type Store, type VersionMeta, type VersionRecord } from './store.js';
import { checkExpectedVersion, nextVersion } from './version-record.js';

interface VersionRow {
  provider_id: string;
  version: number;
  submitted_at: string;
  hash: string;
  submitted_by: string | null;
  body?: Buffer;
}

const META_COLUMNS = 'provider_id, version, submitted_at, hash, submitted_by';

function metaOfRow(row: VersionRow): VersionMeta {
  const meta: VersionMeta = { providerId: row.provider_id, version: row.version, submittedAt: row.submitted_at, hash: row.hash };
  if (row.submitted_by !== null) meta.submittedBy = row.submitted_by;
  return meta;
}

/**
 * The store on PostgreSQL, shared by every replica. An append locks the provider's row,
 * compares its latest version with the one the writer expected, inserts the next version
 * and announces it on the change feed, all in one transaction: it is acknowledged only
 * after COMMIT, which (with the default `synchronous_commit = on`) is durable. Bodies
 * live in the database and are read on demand.
 */
export class PostgresStore implements Store {
  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async providerIds(): Promise<string[]> {
    const { rows } = await this.pool.query<{ provider_id: string }>('SELECT provider_id FROM providers WHERE latest_version > 0 ORDER BY provider_id COLLATE "C"');
    return rows.map((r) => r.provider_id);
  }

  async history(providerId: string): Promise<VersionMeta[]> {
    const { rows } = await this.pool.query<VersionRow>(`SELECT ${META_COLUMNS} FROM versions WHERE provider_id = $1 ORDER BY version`, [providerId]);
    return rows.map(metaOfRow);
  }

  /** Every provider's latest version (metadata only), in one query: what a starting replica needs. */
  async latestVersions(): Promise<VersionMeta[]> {
    const { rows } = await this.pool.query<VersionRow>(
      `SELECT ${META_COLUMNS.split(', ').map((c) => `v.${c}`).join(', ')} FROM providers p JOIN versions v ON v.provider_id = p.provider_id AND v.version = p.latest_version ORDER BY p.provider_id COLLATE "C"`,
    );
    return rows.map(metaOfRow);
  }

  /** The most recently submitted versions of all providers, newest first (ties: provider id, then newest version). */
  async newestVersions(limit: number): Promise<VersionMeta[]> {
    const { rows } = await this.pool.query<VersionRow>(`SELECT ${META_COLUMNS} FROM versions ORDER BY submitted_at DESC, provider_id COLLATE "C", version DESC LIMIT $1`, [limit]);
    return rows.map(metaOfRow);
  }

  /** Many versions with their bodies, in one query. */
  async versionsOf(wanted: { providerId: string; version: number }[]): Promise<VersionRecord[]> {
    const { rows } = await this.pool.query<VersionRow>(
      `SELECT ${META_COLUMNS.split(', ').map((c) => `v.${c}`).join(', ')}, v.body FROM unnest($1::text[], $2::integer[]) AS w (provider_id, version)
        JOIN versions v ON v.provider_id = w.provider_id AND v.version = w.version`,
      [wanted.map((w) => w.providerId), wanted.map((w) => w.version)],
    );
    return rows.map((row) => ({ ...metaOfRow(row), body: row.body!.toString('utf8') }));
  }

  async version(providerId: string, version: number): Promise<VersionRecord | undefined> {
    const { rows } = await this.pool.query<VersionRow>(`SELECT ${META_COLUMNS}, body FROM versions WHERE provider_id = $1 AND version = $2`, [providerId, version]);
    return rows[0] ? { ...metaOfRow(rows[0]), body: rows[0].body!.toString('utf8') } : undefined;
  }

  append(providerId: string, input: AppendInput): Promise<VersionRecord> {
    return this.write(providerId, (latest) => {
      checkExpectedVersion(providerId, latest, input);
      return nextVersion(providerId, latest, input, this.clock());
    });
  }

  /**
   * Stores a version exactly as given (time, hash, key id): for copying an instance. It
   * must be the provider's next version.
   */
  appendExact(record: VersionRecord): Promise<VersionRecord> {
    return this.write(record.providerId, (latest) => {
      checkExpectedVersion(record.providerId, latest, { body: record.body, expectedVersion: record.version - 1 });
      return record;
    });
  }

  private async write(providerId: string, next: (latest: number) => VersionRecord): Promise<VersionRecord> {
    try {
      return await inTransaction(this.pool, async (client) => {
        await client.query('INSERT INTO providers (provider_id, latest_version) VALUES ($1, 0) ON CONFLICT DO NOTHING', [providerId]);
        const { rows } = await client.query<{ latest_version: number }>('SELECT latest_version FROM providers WHERE provider_id = $1 FOR UPDATE', [providerId]);
        const record = next(rows[0].latest_version);
        await client.query(`INSERT INTO versions (${META_COLUMNS}, body) VALUES ($1, $2, $3, $4, $5, $6)`, [
          providerId,
          record.version,
          record.submittedAt,
          record.hash,
          record.submittedBy ?? null,
          Buffer.from(record.body, 'utf8'),
        ]);
        await client.query('UPDATE providers SET latest_version = $2 WHERE provider_id = $1', [providerId, record.version]);
        const change: Change = { kind: 'version', providerId, version: record.version };
        await client.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify(change)]);
        return record;
      });
    } catch (error) {
      if (error instanceof VersionConflictError) throw error;
      throw new StoreWriteError(`could not store a version of ${providerId}: ${(error as Error).message}`, error);
    }
  }

  /** The pool belongs to whoever opened it (it is shared with keys, audit and the feed). */
  async close(): Promise<void> {}
}
