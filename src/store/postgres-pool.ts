import pg from 'pg';

export interface PoolOptions {
  /** Connections this process may hold (PG_POOL_MAX, default 10); see docs/operations.md for sizing. */
  max?: number;
  log?: (message: string, error: unknown) => void;
}

/**
 * One connection pool per process. An idle connection that the server drops (restart,
 * failover) is reported and replaced on next use instead of crashing the process.
 */
export function openPool(connectionString: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, application_name: 'retention-atlas', connectionTimeoutMillis: 10_000 });
  pool.on('error', (error) => (options.log ?? console.error)('idle PostgreSQL connection failed', error));
  return pool;
}

/** Runs `work` in a transaction on one connection: COMMIT when it resolves, ROLLBACK when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
