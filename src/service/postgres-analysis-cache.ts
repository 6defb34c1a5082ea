import type pg from 'pg';
import type { AnalysisCache } from './analysis-cache.js';

/**
 * Analyses of latest versions remembered in PostgreSQL, shared by every replica, so a
 * restart — or a second replica — does not re-score every provider. Entries carry the key
 * they were computed under; a stale or missing one is recomputed. Beside each analysis, the
 * read model's summary of it (what a starting replica reads), with the key it holds under.
 *
 * As on the file store, analyses and summaries may hold under different keys: analyses under
 * the model and release (`analysesKey`; each carries the law of each of its columns, so a
 * change of law finds them and updates only the columns whose law changed), summaries under
 * the whole law (`key`). The summary's key is kept inside its JSON (`{ key, summary }`), so the
 * table needs no new column; a summary of the older form is a miss, made again once.
 */
export class PostgresAnalysisCache<A> implements AnalysisCache<A> {
  constructor(
    private readonly pool: pg.Pool,
    private readonly key: string,
    private readonly analysesKey: string = key,
  ) {}

  /** A summary as stored: with the key it holds under. */
  private wrap(summary: unknown): string {
    return JSON.stringify({ key: this.key, summary });
  }

  async get(providerId: string, version: number): Promise<A | undefined> {
    try {
      const { rows } = await this.pool.query<{ analysis: string }>('SELECT analysis FROM analyses WHERE provider_id = $1 AND version = $2 AND cache_key = $3', [
        providerId,
        version,
        this.analysesKey,
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
        [providerId, this.analysesKey, version, JSON.stringify(analysis), summary === undefined ? null : this.wrap(summary)],
      );
    } catch {
      // A cache that cannot be written costs a recomputation later, nothing more.
    }
  }

  /** The analyses' JSON text, unparsed (the analysis threads parse what they update): one query for a page of providers. */
  async getTexts(versions: { providerId: string; version: number }[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    try {
      const { rows } = await this.pool.query<{ provider_id: string; version: number; analysis: string }>(
        'SELECT provider_id, version, analysis FROM analyses WHERE cache_key = $1 AND provider_id = ANY($2::text[])',
        [this.analysesKey, versions.map((v) => v.providerId)],
      );
      const wanted = new Map(versions.map((v) => [v.providerId, v.version]));
      for (const row of rows) if (wanted.get(row.provider_id) === row.version) found.set(row.provider_id, row.analysis);
    } catch {
      // Unreadable: every analysis is made again, nothing more.
    }
    return found;
  }

  /** Remembers an analysis given as its JSON text with its summary (only the summary when no analysis is given). */
  async setText(providerId: string, version: number, analysis: string | undefined, summary: unknown): Promise<void> {
    if (analysis === undefined) return this.setSummary(providerId, version, summary);
    try {
      await this.pool.query(
        `INSERT INTO analyses (provider_id, cache_key, version, analysis, summary) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (provider_id) DO UPDATE SET cache_key = EXCLUDED.cache_key, version = EXCLUDED.version, analysis = EXCLUDED.analysis, summary = EXCLUDED.summary
         WHERE analyses.version <= EXCLUDED.version`,
        [providerId, this.analysesKey, version, analysis, this.wrap(summary)],
      );
    } catch {
      // A cache that cannot be written costs a recomputation later, nothing more.
    }
  }

  /** Summaries only (a few kilobytes each, not the analyses): one query for a page of providers. */
  async getSummaries(versions: { providerId: string; version: number }[]): Promise<Map<string, unknown>> {
    // Unreadable: the summaries are made again from the analyses.
    const found = new Map<string, unknown>();
    for (const [id, stored] of await this.columnOf('summary', versions)) {
      const entry = stored as { key?: unknown; summary?: unknown } | null;
      if (entry !== null && typeof entry === 'object' && entry.key === this.key) found.set(id, entry.summary);
    }
    return found;
  }

  /** One JSON column of the rows remembered for exactly these versions under this key. */
  private async columnOf(column: 'analysis' | 'summary', versions: { providerId: string; version: number }[]): Promise<Map<string, unknown>> {
    const found = new Map<string, unknown>();
    try {
      const { rows } = await this.pool.query<{ provider_id: string; version: number; value: string }>(
        `SELECT provider_id, version, ${column} AS value FROM analyses WHERE cache_key = $1 AND provider_id = ANY($2::text[]) AND ${column} IS NOT NULL`,
        [this.analysesKey, versions.map((v) => v.providerId)],
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
      await this.pool.query('UPDATE analyses SET summary = $4 WHERE provider_id = $1 AND version = $2 AND cache_key = $3', [providerId, version, this.analysesKey, this.wrap(summary)]);
    } catch {
      // Made again at the next start, nothing more.
    }
  }
}
