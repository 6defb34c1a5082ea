import { mkdir, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile } from './durable-json-file.js';
import { SerialQueue } from './serial-queue.js';
import { StoreOpenError, StoreWriteError } from './store.js';
import type { AssessmentRecord } from '../assessments/assessment-record.js';
import type { ObservationRecord, ResponseRecord, Withdrawal } from '../observations/observation-record.js';
import type { NewRecord, NewResponse, NumberedRecord, RecordStore } from '../observations/observation-store.js';

/** One provider's file: its records under the kind's own field (`observations`, `assessments`). */
type ProviderFile<R> = { providerId: string } & Record<string, R[] | string>;

const PROVIDER_FILE = /^([a-z0-9][a-z0-9-]{1,62})\.json$/;
/** A temporary file of DurableJsonFile left by a crash before its rename: never acknowledged. */
const ORPHAN_TEMP = /^[a-z0-9][a-z0-9-]{1,62}\.json\.\d+\.tmp$/;

/** What tells one kind of record from another: its folder and file field, and what a stored record must look like. */
export interface RecordKind<R extends NumberedRecord> {
  /** Folder under DATA_DIR and the field of each file holding the list (`observations`). */
  folder: string;
  /** The kind in words, singular (`observation`), for errors. */
  noun: string;
  /** Whether a stored record has the kind's shape (beyond its number and responses). */
  isRecord(record: R): boolean;
}

export const OBSERVATION_KIND: RecordKind<ObservationRecord> = {
  folder: 'observations',
  noun: 'observation',
  isRecord: (o) => typeof o.pointer === 'string',
};

function checkShape<R extends NumberedRecord>(kind: RecordKind<R>, data: unknown, file: string, providerId: string): ProviderFile<R> {
  const d = data as ProviderFile<R>;
  const list = d?.[kind.folder] as R[] | undefined;
  const ok =
    d !== null && typeof d === 'object' && d.providerId === providerId && Array.isArray(list) &&
    list.every((o, i) => o && o.id === i + 1 && kind.isRecord(o) && Array.isArray(o.responses));
  if (!ok) throw new StoreOpenError(`${kind.noun} file ${file} does not hold ${kind.folder} of "${providerId}"; it was left untouched`, file);
  return d;
}

/**
 * Numbered records in `DATA_DIR/<folder>/`, one lowdb file per provider, each write made
 * durable (fsync + rename) before it is acknowledged. Writes to one provider are serialised,
 * so numbers never repeat; a failed write leaves the file and the memory as they were.
 */
export class LowdbRecordStore<R extends NumberedRecord> implements RecordStore<R> {
  private readonly queue = new SerialQueue();

  protected constructor(
    private readonly kind: RecordKind<R>,
    private readonly dir: string,
    private readonly dbs: Map<string, Low<ProviderFile<R>>>,
  ) {}

  static async openKind<R extends NumberedRecord>(dataDir: string, kind: RecordKind<R>): Promise<LowdbRecordStore<R>> {
    const dir = path.join(dataDir, kind.folder);
    await mkdir(dir, { recursive: true });
    const entries = await readdir(dir);
    // Safe only because the DATA_DIR lock says no other process is mid-write here.
    for (const orphan of entries.filter((f) => ORPHAN_TEMP.test(f))) await unlink(path.join(dir, orphan)).catch(() => undefined);
    const dbs = new Map<string, Low<ProviderFile<R>>>();
    for (const file of entries.filter((f) => PROVIDER_FILE.test(f)).sort()) {
      const providerId = PROVIDER_FILE.exec(file)![1];
      const full = path.join(dir, file);
      const db = new Low<ProviderFile<R>>(new DurableJsonFile(full), { providerId, [kind.folder]: [] } as ProviderFile<R>);
      await db.read();
      db.data = checkShape(kind, db.data, full, providerId);
      dbs.set(providerId, db);
    }
    return new LowdbRecordStore(kind, dir, dbs);
  }

  private listOf(db: Low<ProviderFile<R>> | undefined): R[] {
    return (db?.data[this.kind.folder] as R[] | undefined) ?? [];
  }

  async providerIds(): Promise<string[]> {
    return [...this.dbs.keys()].sort();
  }

  async list(providerId: string): Promise<R[]> {
    return structuredClone(this.listOf(this.dbs.get(providerId)));
  }

  append(providerId: string, given: NewRecord<R>): Promise<R> {
    return this.change(providerId, `record an ${this.kind.noun} of ${providerId}`, (list) => {
      const record = { ...structuredClone(given), providerId, id: list.length + 1, responses: [] } as unknown as R;
      return { list: [...list, record], result: record };
    });
  }

  respond(providerId: string, recordId: number, response: NewResponse): Promise<ResponseRecord | undefined> {
    return this.change(providerId, `record a response to ${this.kind.noun} ${recordId} of ${providerId}`, (list) => {
      const target = list[recordId - 1];
      if (!target) return { list, result: undefined };
      const stored: ResponseRecord = { ...structuredClone(response), id: target.responses.length + 1 };
      return { list: list.map((o) => (o === target ? { ...o, responses: [...o.responses, stored] } : o)), result: stored };
    });
  }

  withdraw(providerId: string, recordId: number, withdrawal: Withdrawal): Promise<R | undefined> {
    return this.change(providerId, `withdraw ${this.kind.noun} ${recordId} of ${providerId}`, (list) => {
      const target = list[recordId - 1];
      if (!target) return { list, result: undefined };
      if (target.withdrawn) return { list, result: target };
      const marked = { ...target, withdrawn: { ...withdrawal } };
      return { list: list.map((o) => (o === target ? marked : o)), result: marked };
    });
  }

  /** Replaces one provider's list and writes it; on failure the old list stays in effect. */
  private change<T>(providerId: string, what: string, next: (list: R[]) => { list: R[]; result: T }): Promise<T> {
    return this.queue.run(providerId, async () => {
      const field = this.kind.folder;
      const db = this.dbs.get(providerId) ?? new Low<ProviderFile<R>>(new DurableJsonFile(path.join(this.dir, `${providerId}.json`)), { providerId, [field]: [] } as ProviderFile<R>);
      const previous = this.listOf(db);
      const { list, result } = next(previous);
      if (list === previous) return structuredClone(result);
      db.data[field] = list;
      try {
        await db.write();
      } catch (error) {
        db.data[field] = previous;
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

const ASSESSMENT_KIND: RecordKind<AssessmentRecord> = {
  folder: 'assessments',
  noun: 'assessment',
  isRecord: (a) => typeof a.document === 'object' && a.document !== null,
};

/** Assessments in `DATA_DIR/assessments/`. */
export const LowdbAssessmentStore = {
  open: (dataDir: string): Promise<LowdbRecordStore<AssessmentRecord>> => LowdbRecordStore.openKind(dataDir, ASSESSMENT_KIND),
};

/** Observations in `DATA_DIR/observations/`. */
export const LowdbObservationStore = {
  open: (dataDir: string): Promise<LowdbRecordStore<ObservationRecord>> => LowdbRecordStore.openKind(dataDir, OBSERVATION_KIND),
};
