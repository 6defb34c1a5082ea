import type { AppendInput, Store, VersionMeta, VersionRecord } from './store.js';
import { checkExpectedVersion, metaOf, nextVersion } from './version-record.js';

/** A store that lives only in memory: for tests and for `POST /v1/score`-only instances. */
export class MemoryStore implements Store {
  private readonly versions = new Map<string, VersionRecord[]>();

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async providerIds(): Promise<string[]> {
    return [...this.versions.keys()].sort();
  }

  async history(providerId: string): Promise<VersionMeta[]> {
    return (this.versions.get(providerId) ?? []).map(metaOf);
  }

  async version(providerId: string, version: number): Promise<VersionRecord | undefined> {
    return this.versions.get(providerId)?.[version - 1];
  }

  async append(providerId: string, input: AppendInput): Promise<VersionRecord> {
    const list = this.versions.get(providerId) ?? [];
    // No await between the check and the write: appends are atomic within the event loop.
    checkExpectedVersion(providerId, list.length, input);
    const record = nextVersion(providerId, list.length, input, this.clock());
    list.push(record);
    this.versions.set(providerId, list);
    return record;
  }

  async close(): Promise<void> {}
}
