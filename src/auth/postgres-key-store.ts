import type pg from 'pg';
import { announce } from '../store/postgres-change-feed.js';
import { StoreWriteError } from '../store/store.js';
import type { ApiKey } from './api-key.js';
import type { KeyStore } from './key-store.js';

/**
 * Issued keys in PostgreSQL, shared by every replica. `find` reads the database on every
 * authenticated request — nothing is cached — so a revocation acknowledged by one replica
 * is refused by every replica for any request that begins after it.
 */
export class PostgresKeyStore implements KeyStore {
  constructor(private readonly pool: pg.Pool) {}

  async list(): Promise<ApiKey[]> {
    const { rows } = await this.pool.query<{ record: ApiKey }>('SELECT record FROM api_keys ORDER BY position');
    return rows.map((r) => r.record);
  }

  async find(id: string): Promise<ApiKey | undefined> {
    const { rows } = await this.pool.query<{ record: ApiKey }>('SELECT record FROM api_keys WHERE id = $1', [id]);
    return rows[0]?.record;
  }

  async add(key: ApiKey): Promise<void> {
    await this.write(`add key ${key.id}`, () => this.pool.query('INSERT INTO api_keys (id, record) VALUES ($1, $2)', [key.id, JSON.stringify(key)]));
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    // COALESCE keeps the first revocation time when a key is revoked twice.
    const result = await this.write(`revoke key ${id}`, () =>
      this.pool.query(`UPDATE api_keys SET record = record || jsonb_build_object('revokedAt', COALESCE(record->>'revokedAt', $2::text)) WHERE id = $1`, [id, at.toISOString()]),
    );
    if (result.rowCount === 0) return false;
    await announce(this.pool, { kind: 'key', keyId: id }).catch(() => undefined);
    return true;
  }

  async close(): Promise<void> {}

  private async write<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new StoreWriteError(`could not ${what}: ${(error as Error).message}`, error);
    }
  }
}
