import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile } from '../store/durable-json-file.js';
import { SerialQueue } from '../store/serial-queue.js';
import { StoreOpenError, StoreWriteError } from '../store/store.js';
import type { ApiKey } from './api-key.js';
import type { KeyStore } from './key-store.js';

interface KeyFile {
  keys: ApiKey[];
}

/** Issued keys in `DATA_DIR/keys.json`, written durably (fsync + rename) like the provider files. */
export class LowdbKeyStore implements KeyStore {
  private readonly queue = new SerialQueue();

  private constructor(private readonly db: Low<KeyFile>) {}

  static async open(dataDir: string): Promise<LowdbKeyStore> {
    const file = path.join(dataDir, 'keys.json');
    // A crash between write and rename leaves a temporary file that was never acknowledged.
    for (const orphan of (await readdir(dataDir)).filter((f) => /^keys\.json\.\d+\.tmp$/.test(f))) await unlink(path.join(dataDir, orphan)).catch(() => undefined);
    const db = new Low<KeyFile>(new DurableJsonFile(file), { keys: [] });
    await db.read();
    if (!db.data || !Array.isArray(db.data.keys) || !db.data.keys.every((k) => k && typeof k.id === 'string' && typeof k.hash === 'string')) {
      throw new StoreOpenError(`key file ${file} does not hold a list of keys; it was left untouched`, file);
    }
    return new LowdbKeyStore(db);
  }

  async list(): Promise<ApiKey[]> {
    return this.db.data.keys.map((k) => ({ ...k }));
  }

  async find(id: string): Promise<ApiKey | undefined> {
    return this.db.data.keys.find((k) => k.id === id);
  }

  add(key: ApiKey): Promise<void> {
    return this.change(`add key ${key.id}`, (keys) => [...keys, { ...key }]);
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    if (!(await this.find(id))) return false;
    await this.change(`revoke key ${id}`, (keys) => keys.map((k) => (k.id === id && !k.revokedAt ? { ...k, revokedAt: at.toISOString() } : k)));
    return true;
  }

  /** Replaces the key list and writes it; on failure the old list stays in effect. */
  private change(what: string, next: (keys: ApiKey[]) => ApiKey[]): Promise<void> {
    return this.queue.run('keys', async () => {
      const previous = this.db.data.keys;
      this.db.data.keys = next(previous);
      try {
        await this.db.write();
      } catch (error) {
        this.db.data.keys = previous;
        throw new StoreWriteError(`could not ${what}: ${(error as Error).message}`, error);
      }
    });
  }

  async close(): Promise<void> {
    await this.queue.drain();
  }
}
