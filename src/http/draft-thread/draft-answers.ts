import type { Declaration } from '../../formats/types.generated.js';
import type { DeclarationCheck } from '../../formats/validate-declaration.js';
import type { SchemaRegistry } from '../../formats/schema-registry.js';
import { InvalidDocumentError, type ValidationIssue } from '../../formats/validation-error.js';
import type { PlacedObservation } from '../../observations/apply-observations.js';
import { checkObservation } from '../../observations/check-observation.js';
import { computeExposure, disclosureScore, summarizeExposure } from '../../scoring/index.js';
import type { PolicyData } from '../../service/analysis.js';
import { cellsAt, scoringDetail, type DetailLevel } from '../../service/answer-detail.js';
import { draftFindings } from '../../service/draft-findings.js';
import { differences, scoreAsObserved } from '../../service/observed-exposure.js';
import { previewOf, type LatestVersion } from '../../service/preview.js';
import type { ThreatModel } from '../../service/ranking.js';
import { cellColumns, selectCells } from '../cell-table.js';
import { toCsv } from '../csv-response.js';
import { jsonBytes } from '../json-bytes.js';
import { mapTilt } from '../../tilt/map-tilt.js';
import { isObject } from '../../tilt/tilt-values.js';
import type { ImportTables } from '../../transparency/import-tables.js';
import type { KeywordTable } from '../../tilt/category-keywords.js';

/**
 * The answers of the draft endpoints (`POST /v1/score`, `/v1/validate`, a dry run, and
 * `/v1/score?basis=observed`) as the bytes sent, from the parsed body and what was read for
 * it. One function per answer, run on the event loop for small bodies and on a draft thread
 * for large ones (draft-pool.ts), so both give the same bytes. Invalid documents throw
 * InvalidDocumentError (the 422), as inline.
 */

/** The bytes of an answer: JSON, or CSV with its download name. */
export type Rendered = { kind: 'json'; bytes: Uint8Array } | { kind: 'csv'; bytes: Uint8Array; filename: string };

/** What every answer needs: the declaration check (with its schemas) and the policy data. */
export interface DraftDeps {
  check(doc: unknown, providerId?: string): DeclarationCheck;
  registry: SchemaRegistry;
  policy: PolicyData;
}

/** The query of a score: threat model, law date, detail level, CSV or JSON, and today (warnings compare dates with it). */
export interface ScoreQuery {
  model: ThreatModel;
  lawDate: string;
  explain: DetailLevel;
  csv: boolean;
  today: string;
}

// jsonBytes and TextEncoder give each answer a buffer of its own (Buffer.from may view a shared
// pool), so a thread can hand it over without a copy.
const encoder = new TextEncoder();
const json = (value: Record<string, unknown>): Rendered => ({ kind: 'json', bytes: jsonBytes(value) });

/** Whether the JSON answer of a score is the whole matrix (what the draft cache keeps). */
export const isWholeMatrix = (query: Pick<ScoreQuery, 'model' | 'csv'>) => query.model.jurisdictions.length === 0 && query.model.categories.length === 0 && !query.csv;

/** `POST /v1/score`: exposure, findings and warnings of a draft (findings compare with the provider's latest stored version). */
export function renderScore(deps: DraftDeps, doc: unknown, previous: Declaration | undefined, query: ScoreQuery): Rendered {
  const check = deps.check(doc);
  if (!check.valid) throw new InvalidDocumentError(check.errors);
  const { declaration } = check;
  const { params, jurisdictions } = deps.policy;
  const publish = draftFindings(declaration, previous, deps.policy, query.today);
  // A JSON summary needs no pathways: the core builds none for it.
  const result = computeExposure(declaration, jurisdictions, params, { lawDate: query.lawDate, explain: scoringDetail(query.explain, !query.csv) });
  const cells = selectCells(result.cells, query.model);
  const answer = {
    providerId: declaration.provider.id,
    modelVersion: result.modelVersion,
    lawDate: result.lawDate,
    explain: query.explain,
    summary: summarizeExposure(result, params),
    disclosure: disclosureScore(declaration),
    warnings: [...check.warnings, ...publish.warnings],
    findings: publish.findings,
    ...cellsAt(cells, query.explain),
  };
  if (!query.csv) return json(answer);
  return { kind: 'csv', bytes: encoder.encode(toCsv(cellColumns(declaration.provider.id, { version: undefined }), cells)), filename: `${declaration.provider.id}-exposure` };
}

/** The provider a draft names (before it is checked): whose latest version its findings compare with. */
export function claimedProvider(doc: unknown): string | undefined {
  const id = (doc as { provider?: { id?: unknown } } | null)?.provider?.id;
  return typeof id === 'string' ? id : undefined;
}

/** `POST /v1/validate` of a checked draft. */
export function renderValidation(deps: Pick<DraftDeps, 'policy'>, check: DeclarationCheck, previous: Declaration | undefined, today: string): Rendered {
  if (!check.valid) throw new InvalidDocumentError(check.errors);
  const draft = draftFindings(check.declaration, previous, deps.policy, today);
  return json({ valid: true, warnings: [...check.warnings, ...draft.warnings], findings: draft.findings });
}

/** The tables a TILT document is mapped with (policies/import). */
export interface TiltTables {
  keywords: KeywordTable;
  tables: ImportTables;
}

/** `POST /v1/import/tilt`: the draft declaration a TILT document maps to, checked against the format; nothing is stored. */
export function renderTilt(deps: Pick<DraftDeps, 'check'>, doc: unknown, tilt: TiltTables, providerId: string | undefined, today: string): Rendered {
  if (!isObject(doc)) throw new InvalidDocumentError([{ pointer: '', keyword: 'type', message: 'a TILT document is a JSON object' }], 'The body is not a TILT document.');
  const draft = mapTilt(doc, { keywords: tilt.keywords, tables: tilt.tables, today, providerId });
  const check = deps.check(draft.declaration);
  return json({
    declaration: draft.declaration,
    valid: check.valid,
    ...(check.valid ? {} : { errors: check.errors }),
    unmapped: draft.unmapped,
    repaired: draft.repaired,
  });
}

/**
 * A dry run (`POST /v1/providers/{id}/declarations?dryRun=true`) on a draft thread: what
 * publishing would produce. The latest version's matrix is computed here, as the exposure
 * reader computes it (compact), and only once the draft is valid.
 */
export function renderPreview(deps: DraftDeps, providerId: string, doc: unknown, rawBody: string, latest: LatestVersion | undefined, lawDate: string): Rendered {
  const check = deps.check(doc, providerId);
  if (!check.valid) throw new InvalidDocumentError(check.errors);
  const before = latest && computeExposure(latest.declaration, deps.policy.jurisdictions, deps.policy.params, { lawDate, explain: 'compact' });
  return json({ ...previewOf(deps.policy, providerId, check, rawBody, latest, before, lawDate) });
}

const prefixed = (prefix: string, issues: ValidationIssue[]) => issues.map((i) => ({ ...i, pointer: prefix + i.pointer }));

/** `POST /v1/score?basis=observed`: a draft scored with observations in place of its declared facts. */
export function renderObservedScore(deps: DraftDeps, body: unknown, query: ScoreQuery): Rendered {
  const { params } = deps.policy;
  const explain = scoringDetail(query.explain);
  const shape: ValidationIssue[] = [];
  const input = body as { declaration?: unknown; observations?: unknown };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) shape.push({ pointer: '', keyword: 'type', message: 'must be an object { declaration, observations }' });
  else {
    for (const key of Object.keys(input)) if (key !== 'declaration' && key !== 'observations') shape.push({ pointer: `/${key}`, keyword: 'additionalProperties', message: 'is not an allowed property here' });
    if (input.declaration === undefined) shape.push({ pointer: '/declaration', keyword: 'required', message: 'is required' });
    if (!Array.isArray(input.observations) || input.observations.length > 500) shape.push({ pointer: '/observations', keyword: 'type', message: 'must be an array of at most 500 observations' });
  }
  if (shape.length > 0) throw new InvalidDocumentError(shape, 'The body must be { declaration, observations }.');
  const check = deps.check(input.declaration);
  if (!check.valid) throw new InvalidDocumentError(prefixed('/declaration', check.errors));
  const declaration = check.declaration;
  const issues: ValidationIssue[] = [];
  const placed: PlacedObservation[] = [];
  (input.observations as unknown[]).forEach((o, i) => {
    try {
      const { observation, place } = checkObservation(deps.registry, o, declaration);
      placed.push({ id: i + 1, observedAt: observation.observedAt, pointer: observation.pointer, value: observation.value, place });
    } catch (error) {
      if (!(error instanceof InvalidDocumentError)) throw error;
      issues.push(...prefixed(`/observations/${i}`, error.errors));
    }
  });
  if (issues.length > 0) throw new InvalidDocumentError(issues, 'Some observations do not fit the declaration format.');
  const declared = scoreAsObserved(declaration, [], deps.policy, { lawDate: query.lawDate, explain });
  const observed = scoreAsObserved(declaration, placed, deps.policy, { lawDate: query.lawDate, explain });
  const cells = selectCells(observed.result.cells, query.model);
  if (query.csv) return { kind: 'csv', bytes: encoder.encode(toCsv(cellColumns(declaration.provider.id), cells)), filename: `${declaration.provider.id}-observed-exposure` };
  return json({
    providerId: declaration.provider.id,
    basis: 'observed',
    modelVersion: observed.result.modelVersion,
    lawDate: observed.result.lawDate,
    summary: summarizeExposure(observed.result, params),
    disclosure: disclosureScore(observed.declaration),
    warnings: check.warnings,
    observations: { applied: observed.applied, unapplied: observed.unapplied },
    differences: differences(declared.result, observed),
    explain: query.explain,
    ...cellsAt(cells, query.explain),
  });
}
