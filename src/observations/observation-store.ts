import type { ObservationRecord, ResponseRecord, Withdrawal } from './observation-record.js';

/**
 * What observations and assessments share as stored: numbered 1, 2, 3… per provider, with
 * the provider's responses (numbered per record) and at most one withdrawal marker beside it.
 */
export interface NumberedRecord {
  providerId: string;
  id: number;
  responses: ResponseRecord[];
  withdrawn?: Withdrawal;
}

/** What the service hands the store: everything but the number, which the store assigns. */
export type NewRecord<R extends NumberedRecord> = Omit<R, 'id' | 'providerId' | 'responses' | 'withdrawn'>;
export type NewObservation = NewRecord<ObservationRecord>;
export type NewResponse = Omit<ResponseRecord, 'id'>;

/**
 * The port of numbered, immutable records about providers (observations; assessments use
 * the same port). Records are numbered 1, 2, 3… per provider (a provider may have records
 * and no declaration); responses are numbered per record; a withdrawal marks a record and
 * keeps it. Every write resolves only once durable and throws StoreWriteError, changing
 * nothing, when it cannot be. Adapters: lowdb files (default), memory (tests), PostgreSQL
 * (test/observations/observation-store-contract.ts).
 */
export interface RecordStore<R extends NumberedRecord> {
  /** Providers with at least one record, sorted. */
  providerIds(): Promise<string[]>;
  /** A provider's records in number order, with their responses and withdrawal. */
  list(providerId: string): Promise<R[]>;
  append(providerId: string, record: NewRecord<R>): Promise<R>;
  /** Undefined when there is no such record. */
  respond(providerId: string, recordId: number, response: NewResponse): Promise<ResponseRecord | undefined>;
  /** Marks it withdrawn (a second withdrawal keeps the first marker); undefined when there is no such record. */
  withdraw(providerId: string, recordId: number, withdrawal: Withdrawal): Promise<R | undefined>;
  /** Optional: every provider's records at once, for a starting read model (adapters with a round trip per read). */
  all?(): Promise<Map<string, R[]>>;
  close(): Promise<void>;
}

export type ObservationStore = RecordStore<ObservationRecord>;

/** Numbered records in memory: tests, and instances that keep nothing. */
export class MemoryRecordStore<R extends NumberedRecord> implements RecordStore<R> {
  private readonly byProvider = new Map<string, R[]>();

  async providerIds(): Promise<string[]> {
    return [...this.byProvider.keys()].sort();
  }

  async list(providerId: string): Promise<R[]> {
    return structuredClone(this.byProvider.get(providerId) ?? []);
  }

  async append(providerId: string, given: NewRecord<R>): Promise<R> {
    const list = this.byProvider.get(providerId) ?? [];
    const record = { ...structuredClone(given), providerId, id: list.length + 1, responses: [] } as unknown as R;
    this.byProvider.set(providerId, [...list, record]);
    return structuredClone(record);
  }

  async respond(providerId: string, recordId: number, response: NewResponse): Promise<ResponseRecord | undefined> {
    const record = this.byProvider.get(providerId)?.[recordId - 1];
    if (!record) return undefined;
    const stored: ResponseRecord = { ...structuredClone(response), id: record.responses.length + 1 };
    record.responses.push(stored);
    return structuredClone(stored);
  }

  async withdraw(providerId: string, recordId: number, withdrawal: Withdrawal): Promise<R | undefined> {
    const record = this.byProvider.get(providerId)?.[recordId - 1];
    if (!record) return undefined;
    record.withdrawn ??= { ...withdrawal };
    return structuredClone(record);
  }

  async close(): Promise<void> {}
}

/** Observations in memory. */
export class MemoryObservationStore extends MemoryRecordStore<ObservationRecord> {}
