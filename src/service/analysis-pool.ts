import { Worker } from 'node:worker_threads';
import { threadEntry } from '../threads/thread-entry.js';
import type { Analysis } from './analysis.js';

/** A declaration to analyse, as its stored text (the thread parses it), with the previous version's text for the findings. */
export interface AnalysisJob {
  id: number;
  declaration: string;
  previous?: string;
  /** The analysis of this version made under other law, to update where the law changed. */
  stale?: Analysis;
}

export type AnalysisReply = { id: number; analysis: Analysis; error?: undefined } | { id: number; error: string; analysis?: undefined };

interface Thread {
  worker: Worker;
  ready: Promise<void>;
  busy: number;
}

/**
 * Analysis threads for a starting read model, which may have thousands of providers to analyse
 * (a first start, a new release or law data): every core analyses, not only the event loop's.
 * Each thread loads the service's schemas and policy data itself and runs the same analyzer, so
 * an analysis made on a thread is the one the main thread would make. Jobs go to the thread with
 * the fewest in flight; `close()` ends the threads once the start is done (writes afterwards are
 * analysed on the main thread, one at a time, as before).
 */
export class AnalysisPool {
  private readonly threads: Thread[] = [];
  private readonly pending = new Map<number, { resolve: (a: Analysis) => void; reject: (e: Error) => void; thread: Thread }>();
  private nextId = 1;
  private failure: Error | undefined;

  constructor(readonly size: number, entry: URL = threadEntry('analysis-worker', import.meta.url)) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(entry);
      const thread: Thread = { worker, busy: 0, ready: undefined as never };
      thread.ready = new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
      });
      worker.on('message', (reply: AnalysisReply | { ready: true }) => {
        if (!('id' in reply)) return;
        const job = this.pending.get(reply.id);
        if (!job) return;
        this.pending.delete(reply.id);
        job.thread.busy--;
        if (reply.error !== undefined) job.reject(new Error(`analysis thread failed: ${reply.error}`));
        else job.resolve(reply.analysis);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`analysis thread exited with code ${code}`));
      });
      this.threads.push(thread);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }

  /** The analysis of a stored declaration (its text), with its previous version's text when it has one, updated from `stale` when given. */
  async analyze(declaration: string, previous?: string, stale?: Analysis): Promise<Analysis> {
    if (this.failure) throw this.failure;
    const thread = this.threads.reduce((a, b) => (b.busy < a.busy ? b : a));
    thread.busy++; // counted before waiting, so jobs sent together spread over the threads
    await thread.ready;
    const id = this.nextId++;
    return new Promise<Analysis>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, thread });
      thread.worker.postMessage({ id, declaration, previous, stale } satisfies AnalysisJob);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}
