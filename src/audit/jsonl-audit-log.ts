import { open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory } from '../store/durable-json-file.js';
import { StoreOpenError, StoreWriteError } from '../store/store.js';
import { newestFirst, type AuditEntry, type AuditLog, type NewAuditEntry } from './audit-log.js';

/** Entries kept in memory: the newest, which the first pages of `GET /v1/audit` show. */
const RECENT = 1000;

/**
 * The audit trail as JSON Lines in `DATA_DIR/audit.jsonl`: one entry per line, appended
 * and fdatasync'ed before `append` resolves, never rewritten. A crash mid-append can only
 * leave a torn last line; opening cuts it off. Any other unreadable line refuses to open.
 * Memory holds the count and the newest RECENT entries, not the whole trail: a page reaching
 * further back reads the file.
 */
export class JsonlAuditLog implements AuditLog {
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly handle: FileHandle,
    /** The newest entries, oldest first (at most RECENT). */
    private readonly recent: AuditEntry[],
    private count: number,
    private size: number,
    private readonly clock: () => Date,
  ) {}

  static async open(dataDir: string, clock: () => Date = () => new Date(), warn: (message: string) => void = console.warn): Promise<JsonlAuditLog> {
    const file = path.join(dataDir, 'audit.jsonl');
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw new StoreOpenError(`cannot read audit log ${file}: ${error.message}`, file);
    });
    const complete = text === undefined ? '' : text.slice(0, text.lastIndexOf('\n') + 1);
    const entries = parseLines(complete, file);
    const handle = await open(file, 'a');
    const size = Buffer.byteLength(complete, 'utf8');
    if (text !== undefined && complete.length < text.length) {
      warn(`audit log ${file}: removed a torn last line left by a crash`);
      await handle.truncate(size);
      await handle.datasync();
    }
    if (text === undefined) await syncDirectory(dataDir);
    return new JsonlAuditLog(file, handle, entries.slice(-RECENT), entries.length, size, clock);
  }

  append(entry: NewAuditEntry): Promise<AuditEntry> {
    const run = this.tail.then(async () => {
      const full: AuditEntry = { seq: this.count + 1, at: this.clock().toISOString(), ...entry };
      const line = Buffer.from(JSON.stringify(full) + '\n', 'utf8');
      try {
        await this.handle.write(line);
        await this.handle.datasync();
      } catch (error) {
        // A partial line would corrupt the log; cut back to the last complete entry.
        await this.handle.truncate(this.size).catch(() => undefined);
        throw new StoreWriteError(`could not append to the audit log: ${(error as Error).message}`, error);
      }
      this.size += line.length;
      this.count++;
      this.recent.push(full);
      if (this.recent.length > RECENT) this.recent.splice(0, this.recent.length - RECENT);
      return full;
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  async list(page: { limit: number; offset: number }) {
    // Within the newest entries: from memory. Further back: the file, read once for this page.
    if (page.offset + page.limit <= this.recent.length || this.recent.length === this.count) {
      return { ...newestFirst(this.recent, page), total: this.count };
    }
    await this.tail;
    const text = (await readFile(this.file, 'utf8')).slice(0, this.size);
    return newestFirst(parseLines(text, this.file), page);
  }

  async close(): Promise<void> {
    await this.tail;
    await this.handle.close();
  }
}

function parseLines(text: string, file: string): AuditEntry[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as AuditEntry;
      } catch {
        throw new StoreOpenError(`audit log ${file} has an unreadable line ${i + 1}; it was left untouched`, file);
      }
    });
}
