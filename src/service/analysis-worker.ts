/**
 * The body of an analysis thread (a worker_threads Worker started by analysis-pool.ts): runs the
 * service's own analyzer under the policy data it is given (or the shipped one, loaded here) on
 * each stored version it is sent. A remembered analysis that still holds is only summarised; one
 * made under other law is updated where the law changed; otherwise the version is analysed in
 * full. It answers the summary (as the read model's codec encodes it) and the analysis's text;
 * given the file cache, it reads the remembered analysis and writes both itself instead.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Declaration } from '../formats/types.generated.js';
import { analysisIsCurrent, makeAnalyzer, type Analysis, type PolicyData } from './analysis.js';
import type { AnalysisJob, AnalysisReply, ThreadData } from './analysis-pool.js';
import { FileAnalysisCache } from './analysis-cache.js';
import { analysisCodec } from './analysis-codec.js';
import { providerSummaryCodec, summarizeProvider } from './provider-entry.js';

const data = workerData as ThreadData | undefined;
const given = data?.policy;
// The schema compiler and the policy loaders are loaded only when no policy data is given (they cost a thread's start more than its scoring code).
const policy: PolicyData = given ?? (await shippedPolicy());
const codec = analysisCodec(policy);
const cache = data?.cache && new FileAnalysisCache<Analysis>(data.cache.dir, data.cache.key, data.cache.analysesKey, data.cache.law, codec);
const analyze = makeAnalyzer(policy);
const isCurrent = analysisIsCurrent(policy);
const port = parentPort!;
port.on('message', (job: AnalysisJob) => {
  let reply: AnalysisReply;
  try {
    const declaration = JSON.parse(job.body) as Declaration;
    const { analysis: current, stale } = remembered(job);
    let analysis = current;
    let text: string | undefined;
    if (analysis === undefined) {
      const previous = job.previous === undefined ? undefined : (JSON.parse(job.previous) as Declaration);
      analysis = analyze(declaration, previous, stale);
      text = cache ? codec.encode(analysis) : JSON.stringify(analysis);
    }
    const encoded = providerSummaryCodec.encode(summarizeProvider(job.meta, declaration, analysis));
    if (cache) cache.setTextSync(job.meta.providerId, job.meta.version, text, encoded);
    // As JSON text: one string crosses to the event loop faster than the object.
    const summary = JSON.stringify(encoded);
    reply = cache ? { id: job.id, summary, remembered: true } : { id: job.id, analysis: text, summary };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  queueReply(reply);
});
port.postMessage({ ready: true });

/** Replies made in one turn of the thread's event loop (it takes every job waiting in one turn), sent together: one message instead of dozens. */
let replies: AnalysisReply[] = [];
function queueReply(reply: AnalysisReply): void {
  if (replies.length === 0) {
    setImmediate(() => {
      port.postMessage(replies);
      replies = [];
    });
  }
  replies.push(reply);
}

/**
 * The job's remembered analysis: current (then only summarised), or stale (then updated where
 * the law changed), or none (unreadable, a torn write: then analysed again). From the file cache
 * the thread opened it is in the codec's form, and only what an update reads of it is decoded;
 * sent by the read model (another cache) it is JSON.
 */
function remembered(job: AnalysisJob): { analysis?: Analysis; stale?: unknown } {
  try {
    if (cache) {
      const text = cache.textOf(job.meta.providerId, job.meta.version);
      if (text === undefined) return {};
      const found = codec.staleOrCurrent(text, isCurrent);
      return 'analysis' in found ? { analysis: found.analysis } : { stale: found.stale };
    }
    if (job.remembered === undefined) return {};
    const analysis = JSON.parse(job.remembered) as Analysis;
    return isCurrent(analysis) ? { analysis } : { stale: analysis };
  } catch {
    return {};
  }
}

async function shippedPolicy(): Promise<PolicyData> {
  const [{ loadSchemaRegistry }, { loadJurisdictions }, { loadModelParameters }] = await Promise.all([
    import('../formats/schema-registry.js'),
    import('../policies/load-jurisdictions.js'),
    import('../policies/load-model-parameters.js'),
  ]);
  const registry = loadSchemaRegistry();
  return { jurisdictions: loadJurisdictions(registry), params: loadModelParameters(registry) };
}
