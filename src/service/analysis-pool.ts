import { Worker } from 'node:worker_threads';
import { threadEntry } from '../threads/thread-entry.js';
import type { PolicyData } from './analysis.js';
import type { StartJob, StartResult } from './atlas.js';

/** A job as sent to a thread: a starting read model's job and its number. */
export interface AnalysisJob extends StartJob {
  id: number;
}

export type AnalysisReply = ({ id: number; error?: undefined } & StartResult) | { id: number; error: string };

/** The file cache a thread opens as well, to read the remembered analyses and write what it makes (`FileAnalysisCache`'s arguments). */
export interface FileCacheOptions {
  dir: string;
  key: string;
  analysesKey: string;
  law: string;
}

/** What a thread is started with. */
export interface ThreadData {
  policy?: PolicyData;
  cache?: FileCacheOptions;
}

interface Thread {
  worker: Worker;
  ready: Promise<void>;
  busy: number;
}

/**
 * Analysis threads for a starting read model, which may have thousands of providers to analyse
 * (a first start, a new release or law data): every core analyses, not only the event loop's.
 * Each thread runs the same analyzer under the same policy data as the service (given, or the
 * shipped one loaded by the thread), so an analysis made on a thread is the one the main thread
 * would make. A thread parses what it is sent (the version's text, the remembered analysis's
 * text), analyses — in full, or only the columns whose law changed — summarises, and answers
 * text; given the file cache, it reads the remembered analysis and writes what it made itself:
 * the event loop neither parses, copies nor writes analyses. Jobs go to the thread with the fewest
 * in flight; `close()` ends the threads once the start is done (writes afterwards are analysed
 * on the main thread, one at a time, as before).
 */
export class AnalysisPool {
  private readonly threads: Thread[] = [];
  private readonly pending = new Map<number, { resolve: (r: StartResult) => void; reject: (e: Error) => void; thread: Thread }>();
  private nextId = 1;
  private failure: Error | undefined;

  /**
   * `policy`: the policy data the threads analyse under — the read model's own, so a thread's
   * analysis is the one the main thread would make even when that policy is not the one shipped
   * (a new version of the law data being tried, a test); absent, each thread loads the shipped one.
   */
  constructor(readonly size: number, policy?: PolicyData, cache?: FileCacheOptions, entry: URL = threadEntry('analysis-worker', import.meta.url)) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(entry, { workerData: { policy, cache } satisfies ThreadData });
      const thread: Thread = { worker, busy: 0, ready: undefined as never };
      thread.ready = new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
      });
      // Replies come in arrays (those a thread made in one turn of its event loop).
      worker.on('message', (message: AnalysisReply[] | { ready: true }) => {
        if (!Array.isArray(message)) return;
        for (const reply of message) {
          const job = this.pending.get(reply.id);
          if (!job) continue;
          this.pending.delete(reply.id);
          job.thread.busy--;
          if (reply.error !== undefined) job.reject(new Error(`analysis thread failed: ${reply.error}`));
          else job.resolve({ analysis: reply.analysis, summary: reply.summary, remembered: reply.remembered });
        }
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

  /** The summary of a stored version (its text), and its analysis's text when one was made: in full, or updated from the remembered one. */
  async analyze(job: StartJob): Promise<StartResult> {
    if (this.failure) throw this.failure;
    const thread = this.threads.reduce((a, b) => (b.busy < a.busy ? b : a));
    thread.busy++; // counted before waiting, so jobs sent together spread over the threads
    await thread.ready;
    const id = this.nextId++;
    return new Promise<StartResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, thread });
      thread.worker.postMessage({ id, ...job } satisfies AnalysisJob);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}
