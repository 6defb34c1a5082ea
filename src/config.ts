import os from 'node:os';
import path from 'node:path';
import { projectRoot } from './paths.js';

/** The runtime contract's environment variables, read in one place. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  loadSamples: boolean;
  bodyLimit: string;
  /** Bootstrap admin token; absent: only keys minted earlier can write. */
  adminApiKey?: string;
  /** Requests per client per minute on /v1; 0 disables the limit. */
  rateLimitPerMinute: number;
  /** Origins allowed to call the API from a browser (`*` for any). */
  corsOrigins: string[];
  trustProxy?: boolean | number | string;
  /** Versions one provider may add per rolling hour / day (0: no limit); admin keys are exempt. */
  versionQuotaPerHour: number;
  versionQuotaPerDay: number;
  /** PostgreSQL connection string; when set, everything lives there instead of DATA_DIR. */
  databaseUrl?: string;
  /** The owner role's connection string: it migrates and grants the `databaseUrl` role only what the service needs. */
  databaseMigrationUrl?: string;
  /** Connections this process may hold in its PostgreSQL pool. */
  pgPoolMax: number;
  /** Threads that analyse providers at start (ANALYSIS_WORKERS; default the available cores; 0: the main thread). */
  analysisWorkers: number;
  /** Threads that answer large drafts (score, validate, dry run) off the event loop (DRAFT_WORKERS; default 1, at least 1). */
  draftWorkers: number;
}

/**
 * Analysis threads by default: the available cores (issue 24 item 6). The main thread works
 * beside them at start, so on a machine with few cores they share the cores with it; the bench
 * (row d4) reports one thread against the default in the same run, and ANALYSIS_WORKERS sets it.
 */
export function defaultAnalysisWorkers(cores: number): number {
  return Math.max(1, cores);
}

const falsy = (value: string | undefined) => value !== undefined && /^(0|false|no|off)$/i.test(value.trim());

function nonNegativeInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

/** `true`/`false`, a hop count, or addresses/subnets as express's `trust proxy` takes them. */
function trustProxy(value: string | undefined): boolean | number | string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  if (env.DATABASE_MIGRATION_URL && !env.DATABASE_URL) throw new Error('DATABASE_MIGRATION_URL names the owner role of the database DATABASE_URL names: set DATABASE_URL too');
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR ?? path.join(projectRoot, 'data')),
    loadSamples: !falsy(env.LOAD_SAMPLE_DATA),
    bodyLimit: env.BODY_LIMIT ?? '1mb',
    adminApiKey: env.ADMIN_API_KEY || undefined,
    rateLimitPerMinute: nonNegativeInt('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE, 600),
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter((o) => o !== ''),
    trustProxy: trustProxy(env.TRUST_PROXY),
    versionQuotaPerHour: nonNegativeInt('VERSION_QUOTA_PER_HOUR', env.VERSION_QUOTA_PER_HOUR, 30),
    versionQuotaPerDay: nonNegativeInt('VERSION_QUOTA_PER_DAY', env.VERSION_QUOTA_PER_DAY, 200),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseMigrationUrl: env.DATABASE_MIGRATION_URL || undefined,
    pgPoolMax: nonNegativeInt('PG_POOL_MAX', env.PG_POOL_MAX, 10) || 10,
    analysisWorkers: nonNegativeInt('ANALYSIS_WORKERS', env.ANALYSIS_WORKERS, defaultAnalysisWorkers(os.availableParallelism())),
    draftWorkers: nonNegativeInt('DRAFT_WORKERS', env.DRAFT_WORKERS, 1) || 1,
  };
}
