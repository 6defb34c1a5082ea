import type pg from 'pg';
import { announce } from './postgres-change-feed.js';
import { inTransaction } from './postgres-pool.js';
import { StoreWriteError } from './store.js';
import type { ObservationRecord, ResponseRecord, Withdrawal } from '../observations/observation-record.js';
import type { NewRecord, NewResponse, NumberedRecord, RecordStore } from '../observations/observation-store.js';

type Db = pg.Pool | pg.PoolClient;

/**
 * The tables of one kind of numbered record (fixed names, never from input): the counter
 * table, the records, their responses and withdrawals, the column naming the record in
 * the last two, and the kind announced on the change feed.
 */
export interface RecordTables {
  counters: string;
  records: string;
  responses: string;
  withdrawals: string;
  recordColumn: string;
  noun: string;
  feed: 'observation' | 'assessment';
}

export const OBSERVATION_TABLES: RecordTables = {
  counters: 'observation_counters',
  records: 'observations',
  responses: 'observation_responses',
  withdrawals: 'observation_withdrawals',
  recordColumn: 'observation_id',
  noun: 'observation',
  feed: 'observation',
};

interface RecordRow<R> {
  provider_id: string;
  id: number;
  record: R;
  responses: { id: number; record: Omit<ResponseRecord, 'id'> }[];
  withdrawn: Withdrawal | null;
}

/**
 * Records with responses and withdrawal, in one query: a provider's (one of them when
 * `id` is given), or every provider's when `providerId` is null.
 */
async function readRecords<R extends NumberedRecord>(t: RecordTables, db: Db, providerId: string | null, id?: number): Promise<R[]> {
  const { rows } = await db.query<RecordRow<NewRecord<R>>>(
    `SELECT o.provider_id, o.id, o.record, w.record AS withdrawn,
            COALESCE((SELECT json_agg(json_build_object('id', r.id, 'record', r.record) ORDER BY r.id)
                      FROM ${t.responses} r WHERE r.provider_id = o.provider_id AND r.${t.recordColumn} = o.id), '[]') AS responses
       FROM ${t.records} o
       LEFT JOIN ${t.withdrawals} w ON w.provider_id = o.provider_id AND w.${t.recordColumn} = o.id
      WHERE ($1::text IS NULL OR o.provider_id = $1) AND ($2::integer IS NULL OR o.id = $2)
      ORDER BY o.provider_id COLLATE "C", o.id`,
    [providerId, id ?? null],
  );
  return rows.map((row) => ({
    ...row.record,
    providerId: row.provider_id,
    id: row.id,
    responses: row.responses.map((r) => ({ ...r.record, id: r.id })),
    ...(row.withdrawn ? { withdrawn: row.withdrawn } : {}),
  })) as unknown as R[];
}

/** Locks one record for this transaction; false when there is no such record. */
async function lockRecord(t: RecordTables, client: pg.PoolClient, providerId: string, recordId: number): Promise<boolean> {
  // An advisory lock, not SELECT … FOR UPDATE: a row lock needs UPDATE privilege, which the
  // runtime role never has on these append-only tables (DATABASE_MIGRATION_URL). Observations
  // keep the key they always had; other kinds add their table's name.
  const key = t.records === 'observations' ? providerId : `${t.records}:${providerId}`;
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1), $2)', [key, recordId]);
  const { rowCount } = await client.query(`SELECT 1 FROM ${t.records} WHERE provider_id = $1 AND id = $2`, [providerId, recordId]);
  return rowCount === 1;
}

/**
 * Stores a record exactly as given — number, responses, withdrawal — inside the caller's
 * transaction: for copying an instance. Numbers continue after the highest copied.
 */
export async function insertRecordExact(t: RecordTables, client: pg.PoolClient, record: NumberedRecord): Promise<void> {
  const { providerId, id, responses, withdrawn, ...stored } = record;
  await client.query(
    `INSERT INTO ${t.counters} (provider_id, latest_id) VALUES ($1, $2)
     ON CONFLICT (provider_id) DO UPDATE SET latest_id = GREATEST(${t.counters}.latest_id, EXCLUDED.latest_id)`,
    [providerId, id],
  );
  await client.query(`INSERT INTO ${t.records} (provider_id, id, record) VALUES ($1, $2, $3)`, [providerId, id, JSON.stringify(stored)]);
  for (const { id: responseId, ...response } of responses) {
    await client.query(`INSERT INTO ${t.responses} (provider_id, ${t.recordColumn}, id, record) VALUES ($1, $2, $3, $4)`, [providerId, id, responseId, JSON.stringify(response)]);
  }
  if (withdrawn) await client.query(`INSERT INTO ${t.withdrawals} (provider_id, ${t.recordColumn}, record) VALUES ($1, $2, $3)`, [providerId, id, JSON.stringify(withdrawn)]);
}

export const insertObservationExact = (client: pg.PoolClient, record: ObservationRecord) => insertRecordExact(OBSERVATION_TABLES, client, record);

/**
 * Numbered records (observations, assessments) in PostgreSQL, shared by every replica. Each
 * write is one transaction that numbers under a row lock (the provider's counter for a
 * record, the record's row for a response or withdrawal), inserts — rows are never updated
 * or deleted, which the schema enforces, except the counter — and announces the provider on
 * the change feed, so every replica's service re-reads it. Acknowledged only after COMMIT.
 */
export class PostgresRecordStore<R extends NumberedRecord> implements RecordStore<R> {
  constructor(
    private readonly pool: pg.Pool,
    private readonly t: RecordTables,
  ) {}

  async providerIds(): Promise<string[]> {
    const { rows } = await this.pool.query<{ provider_id: string }>(`SELECT provider_id FROM ${this.t.counters} ORDER BY provider_id COLLATE "C"`);
    return rows.map((r) => r.provider_id);
  }

  list(providerId: string): Promise<R[]> {
    return readRecords<R>(this.t, this.pool, providerId);
  }

  /** Every provider's records in one query (a starting replica), by provider id in id order. */
  async all(): Promise<Map<string, R[]>> {
    const byProvider = new Map<string, R[]>();
    for (const record of await readRecords<R>(this.t, this.pool, null)) {
      const list = byProvider.get(record.providerId);
      if (list) list.push(record);
      else byProvider.set(record.providerId, [record]);
    }
    return byProvider;
  }

  append(providerId: string, given: NewRecord<R>): Promise<R> {
    const t = this.t;
    return this.write(providerId, `record an ${t.noun} of ${providerId}`, async (client) => {
      const { rows } = await client.query<{ latest_id: number }>(
        `INSERT INTO ${t.counters} (provider_id, latest_id) VALUES ($1, 1)
         ON CONFLICT (provider_id) DO UPDATE SET latest_id = ${t.counters}.latest_id + 1 RETURNING latest_id`,
        [providerId],
      );
      const id = rows[0].latest_id;
      const stored = JSON.stringify(given);
      await client.query(`INSERT INTO ${t.records} (provider_id, id, record) VALUES ($1, $2, $3)`, [providerId, id, stored]);
      return { ...(JSON.parse(stored) as NewRecord<R>), providerId, id, responses: [] } as unknown as R;
    });
  }

  respond(providerId: string, recordId: number, response: NewResponse): Promise<ResponseRecord | undefined> {
    const t = this.t;
    return this.write(providerId, `record a response to ${t.noun} ${recordId} of ${providerId}`, async (client) => {
      if (!(await lockRecord(t, client, providerId, recordId))) return undefined;
      const { rows } = await client.query<{ next: number }>(
        `SELECT COALESCE(MAX(id), 0) + 1 AS next FROM ${t.responses} WHERE provider_id = $1 AND ${t.recordColumn} = $2`,
        [providerId, recordId],
      );
      const stored = JSON.stringify(response);
      await client.query(`INSERT INTO ${t.responses} (provider_id, ${t.recordColumn}, id, record) VALUES ($1, $2, $3, $4)`, [providerId, recordId, rows[0].next, stored]);
      return { ...(JSON.parse(stored) as NewResponse), id: rows[0].next };
    });
  }

  withdraw(providerId: string, recordId: number, withdrawal: Withdrawal): Promise<R | undefined> {
    const t = this.t;
    return this.write(providerId, `withdraw ${t.noun} ${recordId} of ${providerId}`, async (client) => {
      if (!(await lockRecord(t, client, providerId, recordId))) return undefined;
      // A second withdrawal keeps the first marker.
      await client.query(`INSERT INTO ${t.withdrawals} (provider_id, ${t.recordColumn}, record) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        providerId,
        recordId,
        JSON.stringify(withdrawal),
      ]);
      return (await readRecords<R>(t, client, providerId, recordId))[0];
    });
  }

  /** The pool belongs to whoever opened it (it is shared with the other stores and the feed). */
  async close(): Promise<void> {}

  /** One transaction that announces the provider when it changed something; a failure stores nothing. */
  private async write<T>(providerId: string, what: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(this.pool, async (client) => {
        const result = await work(client);
        if (result !== undefined) await announce(client, { kind: this.t.feed, providerId });
        return result;
      });
    } catch (error) {
      throw new StoreWriteError(`could not ${what}: ${(error as Error).message}`, error);
    }
  }
}

export const ASSESSMENT_TABLES: RecordTables = {
  counters: 'assessment_counters',
  records: 'assessments',
  responses: 'assessment_responses',
  withdrawals: 'assessment_withdrawals',
  recordColumn: 'assessment_id',
  noun: 'assessment',
  feed: 'assessment',
};

/** Observations in PostgreSQL (migration 002). */
export class PostgresObservationStore extends PostgresRecordStore<ObservationRecord> {
  constructor(pool: pg.Pool) {
    super(pool, OBSERVATION_TABLES);
  }
}
