/** What the store keeps about one submitted version; `body` is the document exactly as submitted. */
export interface VersionRecord {
  providerId: string;
  version: number;
  submittedAt: string;
  /** `sha256:` + hex digest of the submitted bytes. */
  hash: string;
  /** Id of the API key that made the write, when writes are keyed. */
  submittedBy?: string;
  body: string;
}

export type VersionMeta = Omit<VersionRecord, 'body'>;

export interface AppendInput {
  body: string;
  submittedBy?: string;
}

/**
 * The storage port. Versions are immutable and numbered 1, 2, 3… per provider; an
 * append resolves only once the version is durable. Adapters: lowdb files (default),
 * memory (tests); a PostgreSQL adapter can implement the same contract.
 */
export interface Store {
  providerIds(): Promise<string[]>;
  history(providerId: string): Promise<VersionMeta[]>;
  version(providerId: string, version: number): Promise<VersionRecord | undefined>;
  append(providerId: string, input: AppendInput): Promise<VersionRecord>;
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
