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

/** Node socket errors and PostgreSQL SQLSTATEs that mean "the database cannot be reached now", not "the request is wrong". */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', '57P01', '57P02', '57P03', '53300']);
/** What node-postgres says when a connection ends or cannot be had in time. */
const UNREACHABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|connection timeout/i;

/**
 * Whether an error (or anything in its `cause` chain) says the database is unreachable:
 * refused or dropped connections, a server shutting down or starting, no free connection
 * slot. Such a failure is answered 503 with Retry-After (`database-unavailable`), never 500.
 */
export function isConnectionError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08'))) return true;
  if (typeof message === 'string' && UNREACHABLE_MESSAGES.test(message)) return true;
  if (Array.isArray(errors) && errors.some((e) => isConnectionError(e, depth + 1))) return true;
  return isConnectionError(cause, depth + 1);
}
