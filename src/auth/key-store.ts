import type { ApiKey } from './api-key.js';

/**
 * Where issued keys live. Writes resolve only once durable; a failed write throws
 * StoreWriteError and changes nothing. Adapters: a lowdb file (default), memory (tests).
 */
export interface KeyStore {
  list(): Promise<ApiKey[]>;
  find(id: string): Promise<ApiKey | undefined>;
  add(key: ApiKey): Promise<void>;
  /** Marks the key revoked (kept for the audit trail); false when there is no such key. */
  revoke(id: string, at: Date): Promise<boolean>;
  close(): Promise<void>;
}

export class MemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, ApiKey>();

  async list(): Promise<ApiKey[]> {
    return [...this.keys.values()];
  }

  async find(id: string): Promise<ApiKey | undefined> {
    return this.keys.get(id);
  }

  async add(key: ApiKey): Promise<void> {
    this.keys.set(key.id, { ...key });
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    const key = this.keys.get(id);
    if (!key) return false;
    key.revokedAt ??= at.toISOString();
    return true;
  }

  async close(): Promise<void> {}
}
