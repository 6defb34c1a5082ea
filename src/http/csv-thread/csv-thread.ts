import { Worker } from 'node:worker_threads';
import { ImportError } from '../../transparency/import-error.js';
import { busy } from '../http-error.js';
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

/** Uploads read at once by default: each may hold 16 MB of bytes and their decoded text on the thread. */
export const CSV_UPLOADS_IN_FLIGHT = 2;
/** The thread's heap limit (old generation): two uploads fit, eight no longer take the process to gigabytes. */
export const CSV_THREAD_HEAP_MB = 256;

/**
 * Reads uploaded transparency CSVs on a thread of their own (one per process, started on the
 * first upload and restarted if it dies): the bytes go to the thread as they arrive, and
 * gathering, decoding and reading up to 16 MB of text, and the garbage it leaves, happen off
 * the event loop — health checks and every other request are answered while a large upload
 * is read. The thread runs the same core functions as the CLI. Its answer carries the rows
 * (at most the 20,000 a declaration holds) and the first skipped lines.
 *
 * At most `maxInFlight` uploads are open at once; another is refused at once with 503 `busy`
 * and Retry-After, before its body is read. The thread's heap is limited (`heapMb`): an
 * upload that would exceed it stops the thread, is answered 503 `busy`, and the thread is
 * started again for the next one.
 */
export class CsvThread {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private readonly pending = new Map<number, { resolve: (figures: CsvFigures) => void; reject: (error: unknown) => void }>();
  private nextId = 1;
  /** Uploads opened and not yet answered or aborted. */
  private inFlight = 0;

  constructor(
    private readonly entry = threadEntry('csv-worker', import.meta.url),
    private readonly maxInFlight = CSV_UPLOADS_IN_FLIGHT,
    private readonly heapMb = CSV_THREAD_HEAP_MB,
  ) {}

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(this.entry, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
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
    worker.on('error', (error) => {
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      fail(outOfMemory ? busy('The CSV reader ran out of its memory with the uploads in flight; nothing was imported. Send the upload again later.') : error);
    });
    worker.on('exit', (code) => fail(new Error(`the CSV thread exited with ${code}`)));
    return this.ready;
  }

  /** Starts an upload; its answer (decoded by the declared charset, else UTF-8, else windows-1252) comes from `end()`. */
  async open(charset?: string): Promise<CsvUpload> {
    if (this.inFlight >= this.maxInFlight) throw busy(`${this.maxInFlight} CSV uploads are being read; nothing was imported. Send it again after the time in Retry-After.`);
    this.inFlight++;
    let done = false;
    const finish = () => {
      if (!done) this.inFlight--;
      done = true;
    };
    try {
      await this.start();
    } catch (error) {
      finish();
      throw error;
    }
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
        if (this.worker !== worker) {
          finish();
          return Promise.reject(busy('The CSV reader stopped during the upload; nothing was imported. Send it again later.'));
        }
        const answer = new Promise<CsvFigures>((resolve, reject) => this.pending.set(id, { resolve, reject }));
        post({ type: 'end', id });
        return answer.finally(finish);
      },
      abort: () => {
        finish();
        if (this.worker === worker) post({ type: 'abort', id });
      },
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
