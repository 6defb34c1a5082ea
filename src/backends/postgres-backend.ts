import type pg from 'pg';
import { PostgresAuditLog } from '../audit/postgres-audit-log.js';
import { PostgresKeyStore } from '../auth/postgres-key-store.js';
import { PostgresRateLimitStore } from '../http/postgres-rate-limit-store.js';
import { NotReady } from '../http/readiness.js';
import { ASSESSMENT_TABLES, PostgresObservationStore, PostgresRecordStore } from '../store/postgres-observation-store.js';
import { PostgresCampaignStore } from '../store/postgres-campaign-store.js';
import type { AssessmentRecord } from '../assessments/assessment-record.js';
import { PostgresAnalysisCache } from '../service/postgres-analysis-cache.js';
import { PostgresChangeFeed } from '../store/postgres-change-feed.js';
import { migrate } from '../store/postgres-migrations.js';
import { grantRuntime } from '../store/postgres-roles.js';
import { openPool } from '../store/postgres-pool.js';
import { PostgresStore } from '../store/postgres-store.js';
import { StoreOpenError } from '../store/store.js';

/** Everything one replica keeps in PostgreSQL, on one pool, plus its change feed. */
export interface PostgresBackend {
  pool: pg.Pool;
  store: PostgresStore;
  observations: PostgresObservationStore;
  assessments: PostgresRecordStore<AssessmentRecord>;
  campaigns: PostgresCampaignStore;
  keys: PostgresKeyStore;
  audit: PostgresAuditLog;
  rateLimits: PostgresRateLimitStore;
  feed: PostgresChangeFeed;
  /** Migrations this start applied (empty when the schema was current). */
  migrationsApplied: string[];
  /** Analyses remembered in the database: summaries valid under `key`, analyses under `analysesKey` (default the same). */
  analysisCache<A>(key: string, analysesKey?: string): PostgresAnalysisCache<A>;
  /** Runs `work` while no other replica runs its own `exclusive` work (a session advisory lock): one-time setup such as sample data. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Throws unless the database answers and the change feed is listening (for /readyz). */
  check(): Promise<void>;
  close(): Promise<void>;
}

export interface BackendOptions {
  poolMax?: number;
  /**
   * DATABASE_MIGRATION_URL: the owner role, which runs the migrations and grants the runtime
   * role (the one of `url`) only what it needs. Absent: the runtime role migrates (and owns).
   */
  migrationUrl?: string;
  log?: (message: string, error?: unknown) => void;
}

/** The advisory lock replicas take turns on for one-time setup ("RASU"; migrations use another). */
const SETUP_LOCK = 0x52_41_53_55;

/** Connection strings carry passwords: never print one whole. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

/** The owner applies the migrations and grants the runtime role (whoever `runtime` logs in as) its privileges. */
async function migrateAsOwner(migrationUrl: string, runtime: pg.Pool): Promise<string[]> {
  const { rows } = await runtime.query<{ role: string }>('SELECT current_user AS role');
  const owner = openPool(migrationUrl, { max: 1, log: () => undefined });
  try {
    const applied = await migrate(owner);
    const client = await owner.connect();
    try {
      await grantRuntime(client, rows[0].role);
    } finally {
      client.release();
    }
    return applied;
  } catch (error) {
    throw new Error(`as the owner role (${redactedUrl(migrationUrl)}): ${(error as Error).message}`, { cause: error });
  } finally {
    await owner.end();
  }
}

/** Connects, applies pending migrations (safe when replicas start at once) and starts listening. */
export async function openPostgresBackend(url: string, options: BackendOptions = {}): Promise<PostgresBackend> {
  const log = options.log ?? console.error;
  const pool = openPool(url, { max: options.poolMax, log });
  let feed: PostgresChangeFeed;
  let applied: string[];
  try {
    applied = options.migrationUrl ? await migrateAsOwner(options.migrationUrl, pool) : await migrate(pool);
    feed = await PostgresChangeFeed.open(url, log);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StoreOpenError(`cannot open the database ${redactedUrl(url)}: ${(error as Error).message}`);
  }
  return {
    pool,
    store: new PostgresStore(pool),
    observations: new PostgresObservationStore(pool),
    assessments: new PostgresRecordStore<AssessmentRecord>(pool, ASSESSMENT_TABLES),
    campaigns: new PostgresCampaignStore(pool),
    keys: new PostgresKeyStore(pool),
    audit: new PostgresAuditLog(pool),
    rateLimits: new PostgresRateLimitStore(pool),
    feed,
    migrationsApplied: applied,
    analysisCache: <A>(key: string, analysesKey?: string) => new PostgresAnalysisCache<A>(pool, key, analysesKey),
    async exclusive<T>(work: () => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK]);
        return await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [SETUP_LOCK]).catch(() => undefined);
        client.release();
      }
    },
    async check() {
      await pool.query('SELECT 1');
      if (!feed.listening) throw new NotReady('the change feed is reconnecting');
    },
    async close() {
      await feed.close();
      await pool.end();
    },
  };
}
