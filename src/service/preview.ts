import type { Change } from '../diff/change.js';
import { diffDeclarations } from '../diff/diff-declarations.js';
import { contentCategoryIds } from '../findings/content-categories.js';
import { findingsOf } from '../findings/find-issues.js';
import type { Finding } from '../findings/rule.js';
import { InvalidDocumentError, type ValidationIssue } from '../formats/validation-error.js';
import type { Declaration } from '../formats/types.generated.js';
import { computeExposure, type Cell, type ExposureResult, type JurisdictionProfile, type ModelParameters } from '../scoring/index.js';
import { contentHash } from '../store/version-record.js';
import type { Analysis, PolicyData } from './analysis.js';
import type { Atlas } from './atlas.js';

export interface CellState {
  established: number;
  worstCase: number;
  grade: string;
}

/** One cell whose bounds or grade would change; `before` is null for a first version. */
export interface ExposureChange {
  category: string;
  jurisdiction: string;
  before: CellState | null;
  after: CellState;
}

/** Everything publishing the draft would produce, with nothing stored (PRODUCT.md: dry run). */
export interface Preview {
  providerId: string;
  /** The version number it would get (the latest's own number when the bytes are identical: nothing new would be stored). */
  version: number;
  created: false;
  /** Whether publishing would add a version (false: the exact bytes of the latest version). */
  wouldCreate: boolean;
  findings: Finding[];
  warnings: ValidationIssue[];
  /** Changes against the latest version (empty for a first version). */
  diff: Change[];
  exposureChange: ExposureChange[];
}

export interface PreviewDeps {
  atlas: Atlas<Analysis>;
  policy: PolicyData;
  /** The full matrix of a stored version (the shared exposure reader). */
  exposureOf(providerId: string, version: number): Promise<ExposureResult | undefined>;
  lawDate?: string;
}

const state = (c: Cell): CellState => {
  // TODO(model 2): read c.established / c.worstCase directly once exposure/2 lands everywhere.
  const b = c as unknown as { established?: number; worstCase?: number };
  return { established: b.established ?? c.score, worstCase: b.worstCase ?? c.score, grade: c.grade };
};

/** The exposure of a draft, the way a stored version is scored. */
function scoreDraft(declaration: Declaration, jurisdictions: JurisdictionProfile[], params: ModelParameters, lawDate: string): ExposureResult {
  // Exposure model 2 takes the law date as a fourth argument; model 1 ignores it.
  return (computeExposure as (...args: unknown[]) => ExposureResult)(declaration, jurisdictions, params, { lawDate });
}

/**
 * A dry run of a submission: validates exactly as a write does (invalid → the same 422),
 * then computes what publishing would produce — version number, findings, warnings, the
 * diff against the latest version and the change of every cell — and stores nothing.
 * The one use case behind `POST …/declarations?dryRun=true` and `retention-atlas submit --dry-run`.
 */
export async function previewSubmission(deps: PreviewDeps, providerId: string, doc: unknown, rawBody: string): Promise<Preview> {
  const check = deps.atlas.check(doc, providerId);
  if (!check.valid) throw new InvalidDocumentError(check.errors);
  const { declaration, warnings } = check;
  const latest = deps.atlas.latestOf(providerId);
  const same = latest !== undefined && latest.meta.hash === contentHash(rawBody);
  const lawDate = deps.lawDate ?? new Date().toISOString().slice(0, 10);
  const after = scoreDraft(declaration, deps.policy.jurisdictions, deps.policy.params, lawDate);
  const before = latest ? await deps.exposureOf(providerId, latest.meta.version) : undefined;
  const previous = new Map((before?.cells ?? []).map((c) => [`${c.category}\u0000${c.jurisdiction}`, state(c)]));
  const exposureChange: ExposureChange[] = [];
  for (const cell of after.cells) {
    const was = previous.get(`${cell.category}\u0000${cell.jurisdiction}`) ?? null;
    const now = state(cell);
    if (was && was.established === now.established && was.worstCase === now.worstCase && was.grade === now.grade) continue;
    exposureChange.push({ category: cell.category, jurisdiction: cell.jurisdiction, before: was, after: now });
  }
  return {
    providerId,
    version: same ? latest.meta.version : (latest?.meta.version ?? 0) + 1,
    created: false,
    wouldCreate: !same,
    findings: findingsOf(declaration, latest?.declaration, deps.policy.jurisdictions, contentCategoryIds()),
    warnings,
    diff: latest ? diffDeclarations(latest.declaration, declaration) : [],
    exposureChange,
  };
}
