/** What the store keeps about one submitted version; `body` is the document exactly as submitted. */
export interface VersionRecord {
  providerId: string;
  version: number;
  submittedAt: string;
  /** `sha256:` + hex digest of the submitted bytes (UTF-8). */
  hash: string;
  /** Id of the API key that made the write, when writes are keyed. */
  submittedBy?: string;
  body: string;
}

export type VersionMeta = Omit<VersionRecord, 'body'>;

export interface AppendInput {
  body: string;
  submittedBy?: string;
  /**
   * The version the writer read and built on: the provider's current latest version, 0
   * when it has none. The append succeeds only if that is still the latest version
   * (compare-and-set), so a read-merge-append can never silently overwrite a version it
   * did not see.
   */
  expectedVersion: number;
}

/**
 * The storage port. A small async contract every adapter (lowdb files, memory,
 * PostgreSQL) fulfils and `test/store/store-contract.ts` checks:
 *
 * - Versions are immutable and numbered 1, 2, 3… per provider, without gaps.
 * - `append` is a compare-and-set: it stores version `expectedVersion + 1` if and only if
 *   the provider's latest version is still `expectedVersion`, otherwise it throws
 *   `VersionConflictError` and stores nothing. Of concurrent appends with the same
 *   expected version, exactly one wins.
 * - `append` resolves only once the version is durable; a failure to make it durable is a
 *   `StoreWriteError` and nothing is acknowledged.
 * - `version` returns the body byte for byte as appended; `history` returns metadata only,
 *   oldest first, so listing a long history never reads the bodies.
 * - The cost of `append` does not depend on how many versions the provider already has.
 *
 * Deduplication of identical resubmissions is the service's business (it compares hashes
 * with the latest version before appending), not the store's.
 */
export interface Store {
  providerIds(): Promise<string[]>;
  history(providerId: string): Promise<VersionMeta[]>;
  version(providerId: string, version: number): Promise<VersionRecord | undefined>;
  append(providerId: string, input: AppendInput): Promise<VersionRecord>;
  /**
   * Optional: many versions with their bodies in one query (unknown ones left out), for a
   * starting read model's providers without a remembered summary. Adapters whose reads cost
   * no round trip leave it out.
   */
  versionsOf?(wanted: { providerId: string; version: number }[]): Promise<VersionRecord[]>;
  /** Optional: every provider's latest version, metadata only, in one query (a replica catching up after its change feed broke). */
  latestVersions?(): Promise<VersionMeta[]>;
  /** Optional: the `limit` most recently submitted versions of all providers (metadata only), newest first, in one query (the Atom feed). */
  newestVersions?(limit: number): Promise<VersionMeta[]>;
  close(): Promise<void>;
}

/** The store could not be opened: a file that does not parse, a lock held by another process… */
export class StoreOpenError extends Error {
  constructor(message: string, readonly file?: string) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

/** A write could not be made durable (disk full, read-only directory). Nothing was acknowledged. */
export class StoreWriteError extends Error {
  constructor(message: string, readonly cause?: unknown) {
    super(message);
    this.name = 'StoreWriteError';
  }
}

/** `append` was built on a version that is no longer the latest: another write came first. Nothing was stored. */
export class VersionConflictError extends Error {
  constructor(
    readonly providerId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`provider "${providerId}" is at version ${actual}, not ${expected}: another write came first`);
    this.name = 'VersionConflictError';
  }
}
