import type pg from 'pg';
import { inTransaction } from '../store/postgres-pool.js';
import { StoreWriteError } from '../store/store.js';
import type { AuditEntry, AuditLog, NewAuditEntry } from './audit-log.js';

/** Serialises appends across replicas so seq stays 1, 2, 3… without gaps. */
const AUDIT_LOCK = 0x52_41_41_55; // "RAAU"

/** The audit trail in PostgreSQL, one trail for every replica; entries are never changed. */
export class PostgresAuditLog implements AuditLog {
  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async append(entry: NewAuditEntry): Promise<AuditEntry> {
    try {
      return await inTransaction(this.pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
        const { rows } = await client.query<{ seq: string }>('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM audit_entries');
        const full: AuditEntry = { seq: Number(rows[0].seq), at: this.clock().toISOString(), ...entry };
        await this.insert(client, full);
        return full;
      });
    } catch (error) {
      throw new StoreWriteError(`could not append to the audit log: ${(error as Error).message}`, error);
    }
  }

  /** Copies an entry as it is, seq and time included (moving an instance). */
  async insert(db: pg.Pool | pg.PoolClient, entry: AuditEntry): Promise<void> {
    await db.query('INSERT INTO audit_entries (seq, entry) VALUES ($1, $2)', [entry.seq, JSON.stringify(entry)]);
  }

  async list({ limit, offset }: { limit: number; offset: number }) {
    const [count, page] = await Promise.all([
      this.pool.query<{ total: string }>('SELECT COUNT(*) AS total FROM audit_entries'),
      this.pool.query<{ entry: AuditEntry }>('SELECT entry FROM audit_entries ORDER BY seq DESC LIMIT $1 OFFSET $2', [limit, offset]),
    ]);
    return { total: Number(count.rows[0].total), items: page.rows.map((r) => r.entry) };
  }

  async close(): Promise<void> {}
}
