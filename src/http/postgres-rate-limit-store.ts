import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type pg from 'pg';

/**
 * express-rate-limit counters in PostgreSQL, so a client's budget is one budget across
 * every replica behind the load balancer (fixed one-window counters, as the default
 * memory store keeps). One upsert per counted request on an unlogged table.
 */
export class PostgresRateLimitStore implements Store {
  private windowMs = 60_000;
  /** The limiter is shared across replicas, not per process. */
  localKeys = false;

  constructor(private readonly pool: pg.Pool) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const { rows } = await this.pool.query<{ hits: number; reset_at: Date }>('SELECT hits, reset_at FROM rate_limit_hits WHERE client_key = $1 AND reset_at > now()', [key]);
    return rows[0] ? { totalHits: rows[0].hits, resetTime: rows[0].reset_at } : undefined;
  }

  /** When this replica last removed expired counters (at most once a window, see prune). */
  private prunedAt = 0;

  /**
   * Removes counters whose window ended a window ago or more: without it every client
   * address ever seen keeps a row. Run from `increment` at most once per window per replica,
   * without the request waiting for it.
   */
  async prune(): Promise<number> {
    this.prunedAt = Date.now();
    const { rowCount } = await this.pool.query(`DELETE FROM rate_limit_hits WHERE reset_at < now() - $1 * interval '1 millisecond'`, [this.windowMs]);
    return rowCount ?? 0;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    if (Date.now() - this.prunedAt >= this.windowMs) void this.prune().catch(() => undefined);
    const { rows } = await this.pool.query<{ hits: number; reset_at: Date }>(
      `INSERT INTO rate_limit_hits (client_key, hits, reset_at) VALUES ($1, 1, now() + $2 * interval '1 millisecond')
       ON CONFLICT (client_key) DO UPDATE SET
         hits     = CASE WHEN rate_limit_hits.reset_at <= now() THEN 1 ELSE rate_limit_hits.hits + 1 END,
         reset_at = CASE WHEN rate_limit_hits.reset_at <= now() THEN EXCLUDED.reset_at ELSE rate_limit_hits.reset_at END
       RETURNING hits, reset_at`,
      [key, this.windowMs],
    );
    return { totalHits: rows[0].hits, resetTime: rows[0].reset_at };
  }

  async decrement(key: string): Promise<void> {
    await this.pool.query('UPDATE rate_limit_hits SET hits = GREATEST(hits - 1, 0) WHERE client_key = $1', [key]);
  }

  async resetKey(key: string): Promise<void> {
    await this.pool.query('DELETE FROM rate_limit_hits WHERE client_key = $1', [key]);
  }

  async resetAll(): Promise<void> {
    await this.pool.query('DELETE FROM rate_limit_hits');
  }
}
