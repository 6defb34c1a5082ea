import { Worker } from 'node:worker_threads';
import { InvalidDocumentError } from '../../formats/validation-error.js';
import { threadEntry } from '../../threads/thread-entry.js';
import { busy } from '../http-error.js';
import type { Rendered } from './draft-answers.js';
import type { DraftJob, DraftReply, PrepareJob } from './draft-jobs.js';
import type { Analysis } from '../../service/analysis.js';

/** Draft threads by default (DRAFT_WORKERS): one keeps the other core for the event loop and the CSV thread. */
export const DRAFT_WORKERS = 1;
/** Drafts waiting for a thread, per thread, beyond those being answered; more are refused with 503 busy. */
export const DRAFT_QUEUE_PER_WORKER = 4;
/** Each thread's heap limit (old generation): the largest valid 1 MB declaration needs well under half of it. */
export const DRAFT_THREAD_HEAP_MB = 256;
/** Bodies from this size (bytes) are answered on a draft thread; smaller ones on the event loop (they cost a few milliseconds). */
export const DRAFT_THREAD_MIN_BYTES = 64 * 1024;

export interface DraftPoolOptions {
  workers?: number;
  queuePerWorker?: number;
  heapMb?: number;
  entry?: URL;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  /** The job being answered, if any. */
  job?: Waiting;
}

interface Waiting {
  id: number;
  job: DraftJob | PrepareJob;
  resolve: (reply: Extract<DraftReply, { ok: true }>) => void;
  reject: (error: unknown) => void;
}

/**
 * A small pool of draft threads (started on the first large draft, restarted when one dies):
 * large drafts are checked, scored, judged and serialised there, off the event loop, by the
 * same functions the event loop uses for small ones. Each thread answers one draft at a time;
 * at most `queuePerWorker` × threads wait, and another is refused at once with 503 `busy` and
 * Retry-After. A thread's heap is limited: a draft that exceeds it stops the thread, is
 * answered 503 `busy`, and a new thread takes the next draft.
 */
export class DraftPool {
  readonly size: number;
  private readonly maxWaiting: number;
  private readonly heapMb: number;
  private readonly entry: URL;
  private readonly slots: (Slot | undefined)[];
  private readonly waiting: Waiting[] = [];
  private nextId = 1;
  private closed = false;
  /** Drafts answered by a thread (bytes or a 422) since the pool was made. */
  answered = 0;

  constructor(options: DraftPoolOptions = {}) {
    this.size = Math.max(1, options.workers ?? DRAFT_WORKERS);
    this.maxWaiting = this.size * (options.queuePerWorker ?? DRAFT_QUEUE_PER_WORKER);
    this.heapMb = options.heapMb ?? DRAFT_THREAD_HEAP_MB;
    this.entry = options.entry ?? threadEntry('draft-worker', import.meta.url);
    this.slots = new Array(this.size).fill(undefined);
  }

  /** Drafts being answered or waiting (for metrics and tests). */
  get load(): number {
    return this.waiting.length + this.slots.filter((s) => s?.job).length;
  }

  /** Answers a draft on a thread: its bytes, or InvalidDocumentError (the same 422 as inline), or 503 busy. */
  async run(job: DraftJob): Promise<Rendered> {
    const reply = await this.submit(job);
    if (!('rendered' in reply)) throw new Error('the draft thread answered a draft without its bytes');
    return reply.rendered;
  }

  /** Checks and analyses a keyed submission on a thread (InvalidDocumentError when it is invalid, 503 busy when full). */
  async prepare(job: PrepareJob): Promise<Analysis> {
    const reply = await this.submit(job);
    if (!('analysis' in reply)) throw new Error('the draft thread answered a submission without its analysis');
    return reply.analysis;
  }

  private submit(job: DraftJob | PrepareJob): Promise<Extract<DraftReply, { ok: true }>> {
    if (this.closed) return Promise.reject(busy('The server is shutting down; send the draft again later.'));
    const free = this.slots.some((s) => !s?.job);
    if (!free && this.waiting.length >= this.maxWaiting) {
      return Promise.reject(busy(`${this.size + this.maxWaiting} large drafts are being answered or waiting; nothing was computed. Send it again after the time in Retry-After.`));
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (let i = 0; i < this.slots.length && this.waiting.length > 0; i++) {
      if (this.slots[i]?.job) continue;
      const slot = (this.slots[i] ??= this.start(i));
      const next = this.waiting.shift()!;
      slot.job = next;
      slot.ready.then(
        () => slot.worker.postMessage({ id: next.id, job: next.job }),
        () => undefined, // the slot's failure rejects the job
      );
    }
  }

  private start(index: number): Slot {
    const worker = new Worker(this.entry, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    worker.unref(); // never what keeps a process alive
    const slot: Slot = { worker, ready: undefined as never };
    slot.ready = new Promise<void>((resolve) => worker.once('message', () => resolve()));
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      if (this.slots[index] === slot) this.slots[index] = undefined;
      const job = slot.job;
      slot.job = undefined;
      job?.reject(error);
      void worker.terminate();
      if (!this.closed) this.dispatch();
    };
    worker.on('message', (reply: DraftReply | 'ready') => {
      if (reply === 'ready') return;
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      slot.job = undefined;
      if (reply.ok || 'invalid' in reply) this.answered++;
      if (reply.ok) job.resolve(reply);
      else if ('invalid' in reply) job.reject(new InvalidDocumentError(reply.invalid.errors, reply.invalid.detail));
      else job.reject(new Error(`the draft thread failed: ${reply.failure}`));
      this.dispatch();
    });
    worker.on('error', (error) => {
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      fail(outOfMemory ? busy('Answering the draft took more memory than a draft thread has; nothing was stored. A smaller draft, or the same one later, may be answered.') : error);
    });
    worker.on('exit', (code) => fail(busy(`The draft thread stopped (exit code ${code}) while answering; nothing was stored. Send the draft again after the time in Retry-After.`)));
    return slot;
  }

  /** Stops the threads; drafts waiting are refused with 503 busy. */
  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.reject(busy('The server is shutting down; send the draft again later.'));
    const workers = this.slots.filter((s): s is Slot => s !== undefined).map((s) => s.worker);
    this.slots.fill(undefined);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

let shared: DraftPool | undefined;
/** The process's draft pool when the app is given none (DRAFT_WORKERS threads; main.ts passes its own). */
export const draftPool = (): DraftPool => (shared ??= new DraftPool());
/** Stops the shared pool (tests: a started thread keeps Jest's VM-module run from exiting). */
export const closeDraftPool = async (): Promise<void> => {
  const pool = shared;
  shared = undefined;
  await pool?.close();
};
