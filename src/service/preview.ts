import type { Change } from '../diff/change.js';
import { diffDeclarations } from '../diff/diff-declarations.js';
import { contentCategoryIds } from '../findings/content-categories.js';
import { findingsOf } from '../findings/find-issues.js';
import type { Finding } from '../findings/rule.js';
import type { Declaration } from '../formats/types.generated.js';
import type { DeclarationCheck } from '../formats/validate-declaration.js';
import { InvalidDocumentError, type ValidationIssue } from '../formats/validation-error.js';
import { todayUtc } from '../law/in-force.js';
import { computeExposure, type Cell, type ExposureResult } from '../scoring/index.js';
import { contentHash } from '../store/version-record.js';
import type { Analysis, PolicyData } from './analysis.js';
import type { ProviderSummary } from './provider-entry.js';
import type { Atlas } from './atlas.js';

export interface CellState {
  established: number;
  worstCase: number;
  grade: string;
  establishedGrade: string;
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
  /** The law date the exposure was computed under (echoed). */
  lawDate: string;
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
  atlas: Atlas<Analysis, ProviderSummary>;
  policy: PolicyData;
  /** The full matrix of a stored version under a law date (the shared exposure reader). */
  exposureOf(providerId: string, version: number, lawDate: string): Promise<ExposureResult | undefined>;
  /** YYYY-MM-DD; default today (UTC). */
  lawDate?: string;
}

const state = (c: Cell): CellState => ({ established: c.established, worstCase: c.worstCase, grade: c.grade, establishedGrade: c.establishedGrade });

/** The provider's latest stored version, as a dry run compares with it. */
export interface LatestVersion {
  version: number;
  hash: string;
  declaration: Declaration;
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
  const latest = deps.atlas.latestOf(providerId);
  const latestDeclaration = latest && (await deps.atlas.declarationAt(providerId, latest.meta.version));
  const lawDate = deps.lawDate ?? todayUtc();
  const before = latest ? await deps.exposureOf(providerId, latest.meta.version, lawDate) : undefined;
  const stored = latest && latestDeclaration ? { version: latest.meta.version, hash: latest.meta.hash, declaration: latestDeclaration } : undefined;
  return previewOf(deps.policy, providerId, check, rawBody, stored, before, lawDate);
}

/**
 * The preview of a checked draft, given the latest stored version and its matrix under
 * `lawDate` (`before`): a pure function, run on the event loop or on a draft thread.
 */
export function previewOf(policy: PolicyData, providerId: string, check: DeclarationCheck, rawBody: string, latest: LatestVersion | undefined, before: ExposureResult | undefined, lawDate: string): Preview {
  if (!check.valid) throw new InvalidDocumentError(check.errors);
  const { declaration, warnings } = check;
  const same = latest !== undefined && latest.hash === contentHash(rawBody);
  const after = computeExposure(declaration, policy.jurisdictions, policy.params, { lawDate });
  const previous = new Map((before?.cells ?? []).map((c) => [`${c.category}\u0000${c.jurisdiction}`, state(c)]));
  const exposureChange: ExposureChange[] = [];
  for (const cell of after.cells) {
    const was = previous.get(`${cell.category}\u0000${cell.jurisdiction}`) ?? null;
    const now = state(cell);
    if (was && was.established === now.established && was.worstCase === now.worstCase) continue;
    exposureChange.push({ category: cell.category, jurisdiction: cell.jurisdiction, before: was, after: now });
  }
  return {
    providerId,
    lawDate,
    version: same ? latest.version : (latest?.version ?? 0) + 1,
    created: false,
    wouldCreate: !same,
    findings: findingsOf(declaration, latest?.declaration, policy.jurisdictions, contentCategoryIds(policy.params), policy.params.categories.map((c) => c.category), policy.params),
    warnings,
    diff: latest ? diffDeclarations(latest.declaration, declaration) : [],
    exposureChange,
  };
}
