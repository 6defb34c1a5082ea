import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { projectRoot } from '../paths.js';
import { protectHistory } from './postgres-roles.js';

/** The SQL files stay in the sources (the compiled modules in dist/ read them from there too). */
const MIGRATIONS_DIR = path.join(projectRoot, 'src', 'store', 'migrations');
/** Any constant shared by every replica: the advisory lock that serialises migrations. */
const MIGRATION_LOCK = 0x52_41_4d_47; // "RAMG"

/**
 * Applies the SQL files in src/store/migrations/ that the database has not seen, in name
 * order, each in its own transaction, and records them in `schema_migrations`. Replicas
 * starting at once queue on an advisory lock, so each file runs exactly once; running it
 * again is a no-op. Returns the names applied now.
 */
export async function migrate(pool: pg.Pool, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
    const applied: string[] = [];
    for (const file of files.filter((f) => !done.has(f))) {
      const sql = await readFile(path.join(dir, file), 'utf8');
      try {
        await client.query('BEGIN');
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new Error(`migration ${file} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(file);
    }
    await protectHistory(client);
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
