import { mkdir, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { PROVIDER_ID_SOURCE } from '../formats/provider-id.js';
import { BodyFiles } from './body-files.js';
import { DamagedVersionError } from './damaged-version.js';
import { DurableJsonFile } from './durable-json-file.js';
import { readProviderFile, type LegacyProviderFile, type ProviderIndex } from './provider-index.js';
import { SerialQueue } from './serial-queue.js';
import { StoreOpenError, StoreWriteError, type AppendInput, type Store, type VersionMeta, type VersionRecord } from './store.js';
import { checkExpectedVersion, contentHash, metaOf, nextVersion } from './version-record.js';

const PROVIDER_FILE = new RegExp(`^(${PROVIDER_ID_SOURCE})\\.json$`);
/** A temporary file of DurableJsonFile that a crash left before its rename: never acknowledged. */
const ORPHAN_TEMP = new RegExp(`^${PROVIDER_ID_SOURCE}\\.json\\.\\d+\\.tmp$`);

/**
 * Moves a first-release provider file (every body inline) to the current layout: each body
 * into its content-addressed file first, then the index rewritten without bodies by an
 * atomic rename. A crash in between leaves the legacy file, and the next start redoes it.
 */
async function migrate(db: Low<ProviderIndex>, legacy: LegacyProviderFile, bodies: BodyFiles, file: string): Promise<void> {
  for (const record of legacy.versions) {
    if (contentHash(record.body) !== record.hash) {
      throw new StoreOpenError(`version ${record.version} in ${file} does not match its recorded hash; the file was left untouched`, file);
    }
    await bodies.write(record.hash, record.body);
  }
  db.data = { format: 2, providerId: legacy.providerId, versions: legacy.versions.map(metaOf) };
  await db.write();
}

/**
 * The embedded default store, under `DATA_DIR`:
 * - `bodies/sha256-<hex>.json`: each version body, written once and never rewritten;
 * - `providers/<id>.json`: a small lowdb index per provider (version, time, hash, key id).
 * An append writes one body file and rewrites one provider's index, so its cost depends on
 * neither the number of providers nor the size of earlier bodies. Bodies are read from disk
 * on demand; only the indexes live in memory.
 */
export class LowdbStore implements Store {
  private readonly queue = new SerialQueue();

  private constructor(
    private readonly dir: string,
    private readonly bodies: BodyFiles,
    private readonly dbs: Map<string, Low<ProviderIndex>>,
    private readonly clock: () => Date,
    /** Providers whose first-release file was converted at this start. */
    readonly migrated: string[],
  ) {}

  static async open(dataDir: string, clock: () => Date = () => new Date()): Promise<LowdbStore> {
    const dir = path.join(dataDir, 'providers');
    await mkdir(dir, { recursive: true });
    const bodies = await BodyFiles.open(path.join(dataDir, 'bodies'));
    const dbs = new Map<string, Low<ProviderIndex>>();
    const migrated: string[] = [];
    const entries = await readdir(dir);
    // Safe only because the DATA_DIR lock says no other process is mid-write here.
    for (const orphan of entries.filter((f) => ORPHAN_TEMP.test(f))) await unlink(path.join(dir, orphan)).catch(() => undefined);
    for (const file of entries.filter((f) => PROVIDER_FILE.test(f)).sort()) {
      const providerId = PROVIDER_FILE.exec(file)![1];
      const full = path.join(dir, file);
      const adapter = new DurableJsonFile<ProviderIndex>(full);
      const db = new Low<ProviderIndex>(adapter, { format: 2, providerId, versions: [] });
      // Read synchronously: thousands of small files cost several times more through the thread pool, and nothing is served yet.
      db.data = adapter.readSync() ?? db.data;
      const found = readProviderFile(db.data, full, providerId);
      if ('legacy' in found) {
        await migrate(db, found.legacy, bodies, full);
        migrated.push(providerId);
      } else db.data = found.index;
      dbs.set(providerId, db);
    }
    return new LowdbStore(dir, bodies, dbs, clock, migrated);
  }

  async providerIds(): Promise<string[]> {
    return [...this.dbs.keys()].sort();
  }

  async history(providerId: string): Promise<VersionMeta[]> {
    return [...(this.dbs.get(providerId)?.data.versions ?? [])];
  }

  async version(providerId: string, version: number): Promise<VersionRecord | undefined> {
    const meta = this.dbs.get(providerId)?.data.versions[version - 1];
    if (!meta) return undefined;
    const body = await this.bodies.read(meta.hash).catch((error: NodeJS.ErrnoException) => {
      // The index names a body that is gone (a partial restore, a deleted file): damaged, never "not found".
      if (error.code === 'ENOENT') throw new DamagedVersionError(providerId, version, 'body-missing');
      throw error;
    });
    return { ...meta, body };
  }

  append(providerId: string, input: AppendInput): Promise<VersionRecord> {
    return this.queue.run(providerId, async () => {
      const db =
        this.dbs.get(providerId) ??
        new Low<ProviderIndex>(new DurableJsonFile(path.join(this.dir, `${providerId}.json`)), { format: 2, providerId, versions: [] });
      const versions = db.data.versions;
      checkExpectedVersion(providerId, versions.length, input);
      const record = nextVersion(providerId, versions.length, input, this.clock());
      try {
        // The body is durable before the index names it: an index never points at nothing.
        await this.bodies.write(record.hash, record.body);
        versions.push(metaOf(record));
        await db.write();
      } catch (error) {
        if (versions.length === record.version) versions.pop();
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
