import { Worker } from 'node:worker_threads';
import { ImportError } from '../../transparency/import-error.js';
import { threadEntry } from '../../threads/thread-entry.js';
import type { CsvFigures, CsvMessage, CsvOutcome } from './csv-figures.js';

/** One upload on its way to the CSV thread. */
export interface CsvUpload {
  /** Hands over the next bytes: the caller must not use them afterwards (their memory may move to the thread). */
  write(bytes: Uint8Array): void;
  /** No more bytes: the thread reads the upload. */
  end(): Promise<CsvFigures>;
  /** Forgets the upload (the request failed or was refused). */
  abort(): void;
}

/**
 * Reads uploaded transparency CSVs on a thread of their own (one per process, started on the
 * first upload and restarted if it dies): the bytes go to the thread as they arrive, and
 * gathering, decoding and reading up to 16 MB of text, and the garbage it leaves, happen off
 * the event loop — health checks and every other request are answered while a large upload
 * is read. The thread runs the same core functions as the CLI. Its answer carries the rows
 * (at most the 20,000 a declaration holds) and the first skipped lines.
 */
export class CsvThread {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private readonly pending = new Map<number, { resolve: (figures: CsvFigures) => void; reject: (error: unknown) => void }>();
  private nextId = 1;

  constructor(private readonly entry = threadEntry('csv-worker', import.meta.url)) {}

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(this.entry);
    this.worker = worker;
    worker.unref(); // never what keeps a process alive
    const fail = (error: unknown) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.ready = undefined;
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    };
    this.ready = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the CSV thread exited with ${code} before it was ready`)));
    });
    this.ready.catch(fail);
    worker.on('message', (outcome: CsvOutcome | 'ready') => {
      if (outcome === 'ready') return;
      const waiting = this.pending.get(outcome.id);
      if (!waiting) return;
      this.pending.delete(outcome.id);
      if (outcome.ok) waiting.resolve(outcome.figures);
      else if ('importError' in outcome) waiting.reject(new ImportError(outcome.importError.title, outcome.importError.detail, outcome.importError.extensions));
      else waiting.reject(new Error(`the CSV thread failed: ${outcome.failure}`));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the CSV thread exited with ${code}`)));
    return this.ready;
  }

  /** Starts an upload; its answer (decoded by the declared charset, else UTF-8, else windows-1252) comes from `end()`. */
  async open(charset?: string): Promise<CsvUpload> {
    await this.start();
    const worker = this.worker!;
    const id = this.nextId++;
    const post = (message: CsvMessage, transfer: ArrayBuffer[] = []) => worker.postMessage(message, transfer);
    post({ type: 'open', id, charset });
    return {
      // A chunk that owns its memory (what the HTTP parser hands over) moves to the thread without
      // a copy. One that views part of a larger buffer (inflated output) would clone all of that
      // buffer, and moving it would take the rest from its owner: just its bytes are copied.
      write: (bytes) => {
        const owns = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
        const moved = owns ? bytes : new Uint8Array(bytes);
        post({ type: 'chunk', id, bytes: moved }, [moved.buffer as ArrayBuffer]);
      },
      end: () => {
        if (this.worker !== worker) return Promise.reject(new Error('the CSV thread stopped during the upload'));
        const answer = new Promise<CsvFigures>((resolve, reject) => this.pending.set(id, { resolve, reject }));
        post({ type: 'end', id });
        return answer;
      },
      abort: () => post({ type: 'abort', id }),
    };
  }

  /** Reads one upload whose bytes are all at hand. */
  async read(bytes: Uint8Array, charset?: string): Promise<CsvFigures> {
    const upload = await this.open(charset);
    upload.write(bytes);
    return upload.end();
  }

  /** Stops the thread (a process that exits need not call this: the thread does not hold it open). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    if (worker) await worker.terminate();
  }
}

let shared: CsvThread | undefined;
/** The process's CSV thread. */
export const csvThread = (): CsvThread => (shared ??= new CsvThread());
