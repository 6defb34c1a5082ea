import { mkdir, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile } from './durable-json-file.js';
import { SerialQueue } from './serial-queue.js';
import { StoreOpenError, StoreWriteError, type AppendInput, type Store, type VersionMeta, type VersionRecord } from './store.js';
import { metaOf, nextVersion } from './version-record.js';

interface ProviderFile {
  providerId: string;
  versions: VersionRecord[];
}

const PROVIDER_FILE = /^([a-z0-9][a-z0-9-]{1,62})\.json$/;
/** A temporary file of DurableJsonFile that a crash left before its rename: never acknowledged. */
const ORPHAN_TEMP = /^[a-z0-9][a-z0-9-]{1,62}\.json\.\d+\.tmp$/;

function checkShape(data: unknown, file: string, providerId: string): ProviderFile {
  const d = data as ProviderFile;
  const ok =
    d !== null &&
    typeof d === 'object' &&
    d.providerId === providerId &&
    Array.isArray(d.versions) &&
    d.versions.every((v, i) => v && v.version === i + 1 && typeof v.body === 'string' && typeof v.hash === 'string');
  if (!ok) throw new StoreOpenError(`store file ${file} does not hold a version history for "${providerId}"; it was left untouched`, file);
  return d;
}

/**
 * The embedded default store: one lowdb JSON file per provider under
 * `DATA_DIR/providers/`. The directory listing is the index, so a write rewrites one
 * provider's history only and its cost does not grow with the number of providers.
 */
export class LowdbStore implements Store {
  private readonly queue = new SerialQueue();

  private constructor(
    private readonly dir: string,
    private readonly dbs: Map<string, Low<ProviderFile>>,
    private readonly clock: () => Date,
  ) {}

  static async open(dataDir: string, clock: () => Date = () => new Date()): Promise<LowdbStore> {
    const dir = path.join(dataDir, 'providers');
    await mkdir(dir, { recursive: true });
    const dbs = new Map<string, Low<ProviderFile>>();
    const entries = await readdir(dir);
    // Safe only because the DATA_DIR lock says no other process is mid-write here.
    for (const orphan of entries.filter((f) => ORPHAN_TEMP.test(f))) await unlink(path.join(dir, orphan)).catch(() => undefined);
    const files = entries.filter((f) => PROVIDER_FILE.test(f)).sort();
    for (const file of files) {
      const providerId = PROVIDER_FILE.exec(file)![1];
      const full = path.join(dir, file);
      const db = new Low<ProviderFile>(new DurableJsonFile(full), { providerId, versions: [] });
      await db.read();
      db.data = checkShape(db.data, full, providerId);
      dbs.set(providerId, db);
    }
    return new LowdbStore(dir, dbs, clock);
  }

  async providerIds(): Promise<string[]> {
    return [...this.dbs.keys()].sort();
  }

  async history(providerId: string): Promise<VersionMeta[]> {
    return (this.dbs.get(providerId)?.data.versions ?? []).map(metaOf);
  }

  async version(providerId: string, version: number): Promise<VersionRecord | undefined> {
    return this.dbs.get(providerId)?.data.versions[version - 1];
  }

  append(providerId: string, input: AppendInput): Promise<VersionRecord> {
    return this.queue.run(providerId, async () => {
      const db =
        this.dbs.get(providerId) ??
        new Low<ProviderFile>(new DurableJsonFile(path.join(this.dir, `${providerId}.json`)), { providerId, versions: [] });
      const record = nextVersion(providerId, db.data.versions, input, this.clock());
      db.data.versions.push(record);
      try {
        await db.write();
      } catch (error) {
        db.data.versions.pop();
        throw new StoreWriteError(`could not write version ${record.version} of ${providerId}: ${(error as Error).message}`, error);
      }
      this.dbs.set(providerId, db);
      return record;
    });
  }

  async close(): Promise<void> {
    await this.queue.drain();
  }
}
