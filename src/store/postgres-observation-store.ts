import type pg from 'pg';
import { announce } from './postgres-change-feed.js';
import { inTransaction } from './postgres-pool.js';
import { StoreWriteError } from './store.js';
import type { ObservationRecord, ResponseRecord, Withdrawal } from '../observations/observation-record.js';
import type { NewObservation, NewResponse, ObservationStore } from '../observations/observation-store.js';

type Db = pg.Pool | pg.PoolClient;

/** What the `observations.record` column holds: the record without what has columns or tables of its own. */
type StoredObservation = Omit<ObservationRecord, 'providerId' | 'id' | 'responses' | 'withdrawn'>;

interface ObservationRow {
  provider_id: string;
  id: number;
  record: StoredObservation;
  responses: { id: number; record: Omit<ResponseRecord, 'id'> }[];
  withdrawn: Withdrawal | null;
}

/**
 * Observations with responses and withdrawal, in one query: a provider's (one of them when
 * `id` is given), or every provider's when `providerId` is null.
 */
async function readObservations(db: Db, providerId: string | null, id?: number): Promise<ObservationRecord[]> {
  const { rows } = await db.query<ObservationRow>(
    `SELECT o.provider_id, o.id, o.record, w.record AS withdrawn,
            COALESCE((SELECT json_agg(json_build_object('id', r.id, 'record', r.record) ORDER BY r.id)
                      FROM observation_responses r WHERE r.provider_id = o.provider_id AND r.observation_id = o.id), '[]') AS responses
       FROM observations o
       LEFT JOIN observation_withdrawals w ON w.provider_id = o.provider_id AND w.observation_id = o.id
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
  }));
}

/** Locks one observation's row for this transaction; false when there is no such observation. */
async function lockObservation(client: pg.PoolClient, providerId: string, observationId: number): Promise<boolean> {
  // An advisory lock, not SELECT … FOR UPDATE: a row lock needs UPDATE privilege, which the
  // runtime role never has on this append-only table (DATABASE_MIGRATION_URL).
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1), $2)', [providerId, observationId]);
  const { rowCount } = await client.query('SELECT 1 FROM observations WHERE provider_id = $1 AND id = $2', [providerId, observationId]);
  return rowCount === 1;
}

/**
 * Stores an observation exactly as given — number, responses, withdrawal — inside the
 * caller's transaction: for copying an instance. Numbers continue after the highest copied.
 */
export async function insertObservationExact(client: pg.PoolClient, record: ObservationRecord): Promise<void> {
  const { providerId, id, responses, withdrawn, ...stored } = record;
  await client.query(
    `INSERT INTO observation_counters (provider_id, latest_id) VALUES ($1, $2)
     ON CONFLICT (provider_id) DO UPDATE SET latest_id = GREATEST(observation_counters.latest_id, EXCLUDED.latest_id)`,
    [providerId, id],
  );
  await client.query('INSERT INTO observations (provider_id, id, record) VALUES ($1, $2, $3)', [providerId, id, JSON.stringify(stored)]);
  for (const { id: responseId, ...response } of responses) {
    await client.query('INSERT INTO observation_responses (provider_id, observation_id, id, record) VALUES ($1, $2, $3, $4)', [providerId, id, responseId, JSON.stringify(response)]);
  }
  if (withdrawn) await client.query('INSERT INTO observation_withdrawals (provider_id, observation_id, record) VALUES ($1, $2, $3)', [providerId, id, JSON.stringify(withdrawn)]);
}

/**
 * Observations in PostgreSQL, shared by every replica. Each write is one transaction that
 * numbers under a row lock (the provider's counter for an observation, the observation's
 * row for a response or withdrawal), inserts — rows are never updated or deleted, which
 * the schema enforces — and announces the provider on the change feed, so every replica's
 * ObservationService re-reads it. Acknowledged only after COMMIT.
 */
export class PostgresObservationStore implements ObservationStore {
  constructor(private readonly pool: pg.Pool) {}

  async providerIds(): Promise<string[]> {
    const { rows } = await this.pool.query<{ provider_id: string }>('SELECT provider_id FROM observation_counters ORDER BY provider_id COLLATE "C"');
    return rows.map((r) => r.provider_id);
  }

  list(providerId: string): Promise<ObservationRecord[]> {
    return readObservations(this.pool, providerId);
  }

  /** Every provider's observations in one query (a starting replica), by provider id in id order. */
  async all(): Promise<Map<string, ObservationRecord[]>> {
    const byProvider = new Map<string, ObservationRecord[]>();
    for (const record of await readObservations(this.pool, null)) {
      const list = byProvider.get(record.providerId);
      if (list) list.push(record);
      else byProvider.set(record.providerId, [record]);
    }
    return byProvider;
  }

  append(providerId: string, observation: NewObservation): Promise<ObservationRecord> {
    return this.write(providerId, `record an observation of ${providerId}`, async (client) => {
      const { rows } = await client.query<{ latest_id: number }>(
        `INSERT INTO observation_counters (provider_id, latest_id) VALUES ($1, 1)
         ON CONFLICT (provider_id) DO UPDATE SET latest_id = observation_counters.latest_id + 1 RETURNING latest_id`,
        [providerId],
      );
      const id = rows[0].latest_id;
      const stored = JSON.stringify(observation);
      await client.query('INSERT INTO observations (provider_id, id, record) VALUES ($1, $2, $3)', [providerId, id, stored]);
      return { ...(JSON.parse(stored) as StoredObservation), providerId, id, responses: [] };
    });
  }

  respond(providerId: string, observationId: number, response: NewResponse): Promise<ResponseRecord | undefined> {
    return this.write(providerId, `record a response to observation ${observationId} of ${providerId}`, async (client) => {
      if (!(await lockObservation(client, providerId, observationId))) return undefined;
      const { rows } = await client.query<{ next: number }>(
        'SELECT COALESCE(MAX(id), 0) + 1 AS next FROM observation_responses WHERE provider_id = $1 AND observation_id = $2',
        [providerId, observationId],
      );
      const stored = JSON.stringify(response);
      await client.query('INSERT INTO observation_responses (provider_id, observation_id, id, record) VALUES ($1, $2, $3, $4)', [providerId, observationId, rows[0].next, stored]);
      return { ...(JSON.parse(stored) as NewResponse), id: rows[0].next };
    });
  }

  withdraw(providerId: string, observationId: number, withdrawal: Withdrawal): Promise<ObservationRecord | undefined> {
    return this.write(providerId, `withdraw observation ${observationId} of ${providerId}`, async (client) => {
      if (!(await lockObservation(client, providerId, observationId))) return undefined;
      // A second withdrawal keeps the first marker.
      await client.query('INSERT INTO observation_withdrawals (provider_id, observation_id, record) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
        providerId,
        observationId,
        JSON.stringify(withdrawal),
      ]);
      return (await readObservations(client, providerId, observationId))[0];
    });
  }

  /** The pool belongs to whoever opened it (it is shared with the other stores and the feed). */
  async close(): Promise<void> {}

  /** One transaction that announces the provider when it changed something; a failure stores nothing. */
  private async write<T>(providerId: string, what: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(this.pool, async (client) => {
        const result = await work(client);
        if (result !== undefined) await announce(client, { kind: 'observation', providerId });
        return result;
      });
    } catch (error) {
      throw new StoreWriteError(`could not ${what}: ${(error as Error).message}`, error);
    }
  }
}
