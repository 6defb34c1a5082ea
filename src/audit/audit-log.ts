/** One write (or refused write attempt by a valid key), as the audit trail keeps it. */
export interface AuditEntry {
  /** 1, 2, 3… in the order entries were appended. */
  seq: number;
  at: string;
  keyId: string;
  role: string;
  method: string;
  path: string;
  status: number;
  /** What was created or changed (a version URL, a key id), when known. */
  resource?: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'seq' | 'at'>;

/**
 * Append-only: entries are never changed or removed. Adapters: a JSON Lines file
 * (default, durable) and memory (tests).
 */
export interface AuditLog {
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Newest first. */
  list(page: { limit: number; offset: number }): Promise<{ total: number; items: AuditEntry[] }>;
  close(): Promise<void>;
}

/** Newest-first paging over entries kept oldest-first. */
export function newestFirst(entries: readonly AuditEntry[], { limit, offset }: { limit: number; offset: number }) {
  const end = Math.max(entries.length - offset, 0);
  return { total: entries.length, items: entries.slice(Math.max(end - limit, 0), end).reverse() };
}

export class MemoryAuditLog implements AuditLog {
  readonly entries: AuditEntry[] = [];

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async append(entry: NewAuditEntry): Promise<AuditEntry> {
    const full = { seq: this.entries.length + 1, at: this.clock().toISOString(), ...entry };
    this.entries.push(full);
    return full;
  }

  async list(page: { limit: number; offset: number }) {
    return newestFirst(this.entries, page);
  }

  async close(): Promise<void> {}
}
