import { mkdir, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile } from './durable-json-file.js';
import { SerialQueue } from './serial-queue.js';
import { StoreOpenError, StoreWriteError } from './store.js';
import type { ObservationRecord, ResponseRecord, Withdrawal } from '../observations/observation-record.js';
import type { NewObservation, NewResponse, ObservationStore } from '../observations/observation-store.js';

interface ProviderFile {
  providerId: string;
  observations: ObservationRecord[];
}

const PROVIDER_FILE = /^([a-z0-9][a-z0-9-]{1,62})\.json$/;
/** A temporary file of DurableJsonFile left by a crash before its rename: never acknowledged. */
const ORPHAN_TEMP = /^[a-z0-9][a-z0-9-]{1,62}\.json\.\d+\.tmp$/;

function checkShape(data: unknown, file: string, providerId: string): ProviderFile {
  const d = data as ProviderFile;
  const ok =
    d !== null && typeof d === 'object' && d.providerId === providerId && Array.isArray(d.observations) &&
    d.observations.every((o, i) => o && o.id === i + 1 && typeof o.pointer === 'string' && Array.isArray(o.responses));
  if (!ok) throw new StoreOpenError(`observation file ${file} does not hold observations of "${providerId}"; it was left untouched`, file);
  return d;
}

/**
 * Observations in `DATA_DIR/observations/`, one lowdb file per provider, each write made
 * durable (fsync + rename) before it is acknowledged. Writes to one provider are serialised,
 * so numbers never repeat; a failed write leaves the file and the memory as they were.
 */
export class LowdbObservationStore implements ObservationStore {
  private readonly queue = new SerialQueue();

  private constructor(
    private readonly dir: string,
    private readonly dbs: Map<string, Low<ProviderFile>>,
  ) {}

  static async open(dataDir: string): Promise<LowdbObservationStore> {
    const dir = path.join(dataDir, 'observations');
    await mkdir(dir, { recursive: true });
    const entries = await readdir(dir);
    // Safe only because the DATA_DIR lock says no other process is mid-write here.
    for (const orphan of entries.filter((f) => ORPHAN_TEMP.test(f))) await unlink(path.join(dir, orphan)).catch(() => undefined);
    const dbs = new Map<string, Low<ProviderFile>>();
    for (const file of entries.filter((f) => PROVIDER_FILE.test(f)).sort()) {
      const providerId = PROVIDER_FILE.exec(file)![1];
      const full = path.join(dir, file);
      const db = new Low<ProviderFile>(new DurableJsonFile(full), { providerId, observations: [] });
      await db.read();
      db.data = checkShape(db.data, full, providerId);
      dbs.set(providerId, db);
    }
    return new LowdbObservationStore(dir, dbs);
  }

  async providerIds(): Promise<string[]> {
    return [...this.dbs.keys()].sort();
  }

  async list(providerId: string): Promise<ObservationRecord[]> {
    return structuredClone(this.dbs.get(providerId)?.data.observations ?? []);
  }

  append(providerId: string, observation: NewObservation): Promise<ObservationRecord> {
    return this.change(providerId, `record an observation of ${providerId}`, (list) => {
      const record: ObservationRecord = { ...structuredClone(observation), providerId, id: list.length + 1, responses: [] };
      return { list: [...list, record], result: record };
    });
  }

  respond(providerId: string, observationId: number, response: NewResponse): Promise<ResponseRecord | undefined> {
    return this.change(providerId, `record a response to observation ${observationId} of ${providerId}`, (list) => {
      const target = list[observationId - 1];
      if (!target) return { list, result: undefined };
      const stored: ResponseRecord = { ...structuredClone(response), id: target.responses.length + 1 };
      return { list: list.map((o) => (o === target ? { ...o, responses: [...o.responses, stored] } : o)), result: stored };
    });
  }

  withdraw(providerId: string, observationId: number, withdrawal: Withdrawal): Promise<ObservationRecord | undefined> {
    return this.change(providerId, `withdraw observation ${observationId} of ${providerId}`, (list) => {
      const target = list[observationId - 1];
      if (!target) return { list, result: undefined };
      if (target.withdrawn) return { list, result: target };
      const marked = { ...target, withdrawn: { ...withdrawal } };
      return { list: list.map((o) => (o === target ? marked : o)), result: marked };
    });
  }

  /** Replaces one provider's list and writes it; on failure the old list stays in effect. */
  private change<T>(providerId: string, what: string, next: (list: ObservationRecord[]) => { list: ObservationRecord[]; result: T }): Promise<T> {
    return this.queue.run(providerId, async () => {
      const db = this.dbs.get(providerId) ?? new Low<ProviderFile>(new DurableJsonFile(path.join(this.dir, `${providerId}.json`)), { providerId, observations: [] });
      const previous = db.data.observations;
      const { list, result } = next(previous);
      if (list === previous) return structuredClone(result);
      db.data.observations = list;
      try {
        await db.write();
      } catch (error) {
        db.data.observations = previous;
        throw new StoreWriteError(`could not ${what}: ${(error as Error).message}`, error);
      }
      this.dbs.set(providerId, db);
      return structuredClone(result);
    });
  }

  async close(): Promise<void> {
    await this.queue.drain();
  }
}
