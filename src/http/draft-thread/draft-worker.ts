/**
 * The body of a draft thread (a worker_threads Worker started by draft-pool.ts): loads the
 * same schemas, jurisdiction profiles and model parameters as the service, then answers each
 * large draft it is sent with the same functions the event loop uses for small ones
 * (draft-answers.ts), and hands the answer's bytes back without copying them. A large keyed
 * submission is checked and analysed here too; the event loop only stores it.
 */
import { parentPort } from 'node:worker_threads';
import type { Declaration } from '../../formats/types.generated.js';
import { loadSchemaRegistry } from '../../formats/schema-registry.js';
import { checkDeclaration } from '../../formats/validate-declaration.js';
import { InvalidDocumentError } from '../../formats/validation-error.js';
import { loadJurisdictions } from '../../policies/load-jurisdictions.js';
import { loadModelParameters } from '../../policies/load-model-parameters.js';
import { renderObservedScore, renderPreview, renderScore, renderTilt, renderValidation, type DraftDeps, type Rendered } from './draft-answers.js';
import { importTables, tiltKeywords } from '../../policies/load-import-tables.js';
import type { DraftJob, DraftReply, MatrixJob, PrepareJob, SectionsJob } from './draft-jobs.js';
import { loadCategories } from '../../policies/categories.js';
import { codeNames } from '../../report/code-names.js';
import { declarationSections, declaredSectionContext } from '../../report/provider-page.js';
import { computeExposure, type ExposureResult } from '../../scoring/index.js';
import { heapSize } from '../../service/byte-bounded-cache.js';
import { makeAnalyzer, type Analysis } from '../../service/analysis.js';

const registry = loadSchemaRegistry();
const policy = { jurisdictions: loadJurisdictions(registry), params: loadModelParameters(registry) };
const port = parentPort!;

/** The deps of one job: the check is the atlas's (`checkDeclaration` with today's date as the event loop sees it). */
const depsOn = (today: string): DraftDeps => ({ registry, policy, check: (doc, providerId) => checkDeclaration(registry, doc, { providerId, today }) });
const parse = (text: string | undefined) => (text === undefined ? undefined : (JSON.parse(text) as Declaration));

function render(job: DraftJob): Rendered {
  // The event loop has already read the body with parseJsonDocument (which refuses what
  // JSON.parse would let through), so JSON.parse gives the same value here.
  const doc: unknown = JSON.parse(job.body);
  switch (job.kind) {
    case 'score':
      return renderScore(depsOn(job.query.today), doc, parse(job.previous), job.query);
    case 'validate':
      return renderValidation({ policy }, depsOn(job.today).check(doc), parse(job.previous), job.today);
    case 'preview': {
      const latest = job.latest && { version: job.latest.version, hash: job.latest.hash, declaration: parse(job.latest.body)! };
      return renderPreview(depsOn(job.today), job.providerId, doc, job.body, latest, job.lawDate);
    }
    case 'observed':
      return renderObservedScore(depsOn(job.query.today), doc, job.query);
    case 'tilt':
      return renderTilt(depsOn(job.today), doc, { keywords: tiltKeywords(), tables: importTables() }, job.providerId, job.today);
  }
}

const analyze = makeAnalyzer(policy);

/** A keyed submission: the write's own check (with its provider id), then the service's analyzer against the version it builds on. */
function prepare(job: PrepareJob): Analysis {
  const check = checkDeclaration(registry, JSON.parse(job.body), { providerId: job.providerId });
  if (!check.valid) throw new InvalidDocumentError(check.errors);
  return analyze(check.declaration, parse(job.previous));
}

/** A stored version's matrix, as the exposure reader computes it inline (the stored text was checked against its hash when read). */
const matrix = (job: MatrixJob) => computeExposure(JSON.parse(job.body) as Declaration, policy.jurisdictions, policy.params, { lawDate: job.lawDate, explain: job.explain });

const names = codeNames(loadCategories(registry), policy.jurisdictions);
/** The provider page's sections of a stored version, as the page renders them inline. */
const sections = (job: SectionsJob) => declarationSections(declaredSectionContext(JSON.parse(job.body) as Declaration, job.version, names)).text;

/** The matrix with its heap size as the exposure reader's cache measures it (the clone the event loop gets has the same shape). */
const matrixReply = (id: number, result: ExposureResult): DraftReply => ({ id, ok: true, matrix: result, size: heapSize(result) });

port.on('message', ({ id, job }: { id: number; job: DraftJob | PrepareJob | MatrixJob | SectionsJob }) => {
  let reply: DraftReply;
  try {
    reply = job.kind === 'prepare' ? { id, ok: true, analysis: prepare(job) } : job.kind === 'matrix' ? matrixReply(id, matrix(job)) : job.kind === 'sections' ? { id, ok: true, html: sections(job) } : { id, ok: true, rendered: render(job) };
  } catch (error) {
    if (error instanceof InvalidDocumentError) reply = { id, ok: false, invalid: { errors: error.errors, detail: error.detail } };
    else reply = { id, ok: false, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply, reply.ok && 'rendered' in reply ? [reply.rendered.bytes.buffer as ArrayBuffer] : []);
});
port.postMessage('ready');
