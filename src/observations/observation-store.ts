import type { ObservationRecord, ResponseRecord, Withdrawal } from './observation-record.js';

/** What the service hands the store: everything but the number, which the store assigns. */
export type NewObservation = Omit<ObservationRecord, 'id' | 'providerId' | 'responses' | 'withdrawn'>;
export type NewResponse = Omit<ResponseRecord, 'id'>;

/**
 * The observation port. Observations are immutable and numbered 1, 2, 3… per provider (a
 * provider may have observations and no declaration); responses are numbered per
 * observation; a withdrawal marks an observation and keeps it. Every write resolves only
 * once durable and throws StoreWriteError, changing nothing, when it cannot be. Adapters:
 * lowdb files (default), memory (tests); a PostgreSQL adapter implements the same contract
 * (test/observations/observation-store-contract.ts).
 */
export interface ObservationStore {
  /** Providers with at least one observation, sorted. */
  providerIds(): Promise<string[]>;
  /** A provider's observations in number order, with their responses and withdrawal. */
  list(providerId: string): Promise<ObservationRecord[]>;
  append(providerId: string, observation: NewObservation): Promise<ObservationRecord>;
  /** Undefined when there is no such observation. */
  respond(providerId: string, observationId: number, response: NewResponse): Promise<ResponseRecord | undefined>;
  /** Marks it withdrawn (a second withdrawal keeps the first marker); undefined when there is no such observation. */
  withdraw(providerId: string, observationId: number, withdrawal: Withdrawal): Promise<ObservationRecord | undefined>;
  /** Optional: every provider's observations at once, for a starting read model (adapters with a round trip per read). */
  all?(): Promise<Map<string, ObservationRecord[]>>;
  close(): Promise<void>;
}

/** Observations in memory: tests, and instances that keep nothing. */
export class MemoryObservationStore implements ObservationStore {
  private readonly byProvider = new Map<string, ObservationRecord[]>();

  async providerIds(): Promise<string[]> {
    return [...this.byProvider.keys()].sort();
  }

  async list(providerId: string): Promise<ObservationRecord[]> {
    return structuredClone(this.byProvider.get(providerId) ?? []);
  }

  async append(providerId: string, observation: NewObservation): Promise<ObservationRecord> {
    const list = this.byProvider.get(providerId) ?? [];
    const record: ObservationRecord = { ...structuredClone(observation), providerId, id: list.length + 1, responses: [] };
    this.byProvider.set(providerId, [...list, record]);
    return structuredClone(record);
  }

  async respond(providerId: string, observationId: number, response: NewResponse): Promise<ResponseRecord | undefined> {
    const record = this.byProvider.get(providerId)?.[observationId - 1];
    if (!record) return undefined;
    const stored: ResponseRecord = { ...structuredClone(response), id: record.responses.length + 1 };
    record.responses.push(stored);
    return structuredClone(stored);
  }

  async withdraw(providerId: string, observationId: number, withdrawal: Withdrawal): Promise<ObservationRecord | undefined> {
    const record = this.byProvider.get(providerId)?.[observationId - 1];
    if (!record) return undefined;
    record.withdrawn ??= { ...withdrawal };
    return structuredClone(record);
  }

  async close(): Promise<void> {}
}
