/**
 * The body of an analysis thread (a worker_threads Worker started by analysis-pool.ts): loads
 * the same schemas, jurisdiction profiles and model parameters as the service, then analyses
 * each declaration it is sent with the service's own analyzer and answers the analysis.
 */
import { parentPort } from 'node:worker_threads';
import type { Declaration } from '../formats/types.generated.js';
import { loadSchemaRegistry } from '../formats/schema-registry.js';
import { loadJurisdictions } from '../policies/load-jurisdictions.js';
import { loadModelParameters } from '../policies/load-model-parameters.js';
import { makeAnalyzer } from './analysis.js';
import type { AnalysisJob, AnalysisReply } from './analysis-pool.js';

const registry = loadSchemaRegistry();
const analyze = makeAnalyzer({ jurisdictions: loadJurisdictions(registry), params: loadModelParameters(registry) });
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
