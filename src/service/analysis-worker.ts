/**
 * The body of an analysis thread (a worker_threads Worker started by analysis-pool.ts): runs the
 * service's own analyzer over the policy data it was started with (the main thread's, already
 * loaded and checked against the schemas: nothing is compiled or read from disk here), and
 * answers each declaration it is sent with its analysis.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Declaration } from '../formats/types.generated.js';
import { makeAnalyzer } from './analysis.js';
import type { AnalysisJob, AnalysisReply, AnalysisThreadData } from './analysis-pool.js';

const analyze = makeAnalyzer((workerData as AnalysisThreadData).policy);
const port = parentPort!;
port.on('message', (job: AnalysisJob) => {
  let reply: AnalysisReply;
  try {
    const previous = job.previous === undefined ? undefined : (JSON.parse(job.previous) as Declaration);
    reply = { id: job.id, analysis: analyze(JSON.parse(job.declaration) as Declaration, previous, job.stale) };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
