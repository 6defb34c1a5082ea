import type pg from 'pg';
import type { AnalysisCache } from './analysis-cache.js';

/**
 * Analyses of latest versions remembered in PostgreSQL, shared by every replica, so a
 * restart — or a second replica — does not re-score every provider. Entries carry the key
 * (policy data + code) they were computed under; a stale or missing one is recomputed.
 * Beside each analysis, the read model's summary of it: what a starting replica reads.
 */
export class PostgresAnalysisCache<A> implements AnalysisCache<A> {
  constructor(
    private readonly pool: pg.Pool,
    private readonly key: string,
  ) {}

  async get(providerId: string, version: number): Promise<A | undefined> {
    try {
      const { rows } = await this.pool.query<{ analysis: string }>('SELECT analysis FROM analyses WHERE provider_id = $1 AND version = $2 AND cache_key = $3', [
        providerId,
        version,
        this.key,
      ]);
      return rows[0] ? (JSON.parse(rows[0].analysis) as A) : undefined;
    } catch {
      return undefined;
    }
  }

  async getMany(versions: { providerId: string; version: number }[]): Promise<Map<string, A>> {
    // Unreadable: every analysis is recomputed, nothing more.
    return (await this.columnOf('analysis', versions)) as Map<string, A>;
  }

  async set(providerId: string, version: number, analysis: A, summary?: unknown): Promise<void> {
    try {
      // Never replace a newer version's analysis with an older one (replicas race here). The
      // summary always goes with its analysis (NULL when none is given, never a stale one).
      await this.pool.query(
        `INSERT INTO analyses (provider_id, cache_key, version, analysis, summary) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (provider_id) DO UPDATE SET cache_key = EXCLUDED.cache_key, version = EXCLUDED.version, analysis = EXCLUDED.analysis, summary = EXCLUDED.summary
         WHERE analyses.version <= EXCLUDED.version`,
        [providerId, this.key, version, JSON.stringify(analysis), summary === undefined ? null : JSON.stringify(summary)],
      );
    } catch {
      // A cache that cannot be written costs a recomputation later, nothing more.
    }
  }

  /** Summaries only (a few kilobytes each, not the analyses): one query for a page of providers. */
  async getSummaries(versions: { providerId: string; version: number }[]): Promise<Map<string, unknown>> {
    // Unreadable: the summaries are made again from the analyses.
    return this.columnOf('summary', versions);
  }

  /** One JSON column of the rows remembered for exactly these versions under this key. */
  private async columnOf(column: 'analysis' | 'summary', versions: { providerId: string; version: number }[]): Promise<Map<string, unknown>> {
    const found = new Map<string, unknown>();
    try {
      const { rows } = await this.pool.query<{ provider_id: string; version: number; value: string }>(
        `SELECT provider_id, version, ${column} AS value FROM analyses WHERE cache_key = $1 AND provider_id = ANY($2::text[]) AND ${column} IS NOT NULL`,
        [this.key, versions.map((v) => v.providerId)],
      );
      const wanted = new Map(versions.map((v) => [v.providerId, v.version]));
      for (const row of rows) if (wanted.get(row.provider_id) === row.version) found.set(row.provider_id, JSON.parse(row.value));
    } catch {
      // Unreadable: what was read so far is kept, the rest is made again.
    }
    return found;
  }

  async setSummary(providerId: string, version: number, summary: unknown): Promise<void> {
    try {
      await this.pool.query('UPDATE analyses SET summary = $4 WHERE provider_id = $1 AND version = $2 AND cache_key = $3', [providerId, version, this.key, JSON.stringify(summary)]);
    } catch {
      // Made again at the next start, nothing more.
    }
  }
}
