import type { Declaration, JurisdictionProfile, ModelParameters } from '../formats/types.generated.js';
import type { Change } from '../diff/change.js';
import type { EvidenceSource, Observation } from '../formats/types.generated.js';
import type { FormatPlace } from '../observations/format-place.js';

export type Severity = 'error' | 'warning' | 'info';
/**
 * What a finding is about: a fault of the document (a contradiction, a regression, a gap)
 * or a fact the document honestly reveals (a licensee with surveillance powers), which is
 * no error of the declaration but matters to its users.
 */
export type FindingKind = 'document' | 'disclosure';
export type Segment = string | number;

/** What every rule may read: the version, its predecessor's changes and the law. Nothing else. */
export interface FindingContext {
  declaration: Declaration;
  /** Changes since the previous version (empty for a first version). */
  changes: Change[];
  jurisdictions: JurisdictionProfile[];
  /** Taxonomy ids whose kind is content (policies/categories.json). */
  contentCategories: ReadonlySet<string>;
  /** Every taxonomy id, in order: a category a declaration does not list is unanswered. */
  taxonomy?: readonly string[];
  /** The model's parameters (feasibility constraints), for rules about what the model can score. */
  params?: ModelParameters;
  /** Today (YYYY-MM-DD), for rules judged when a finding is read, such as a stale declaration. */
  today?: string;
  /** Active observations about the provider (evidence from reviewers), when there are any. */
  observations?: ObservedFact[];
}

/** An observation as rules read it: what it says, where, who says it, and the provider's answers. */
export interface ObservedFact extends Pick<Observation, 'pointer' | 'value' | 'statement' | 'observedAt' | 'sources'> {
  id: number;
  providerId: string;
  organisation: string;
  place: FormatPlace;
  responses: { statement: string; sources: EvidenceSource[] }[];
  /** For a fact of an assessment: its number (`id` is then the fact's number within it). */
  assessment?: number;
  /** Its lists read as "at least these items" (an assessment's). */
  atLeast?: boolean;
}

/** The evidence behind a finding about an observation: pointers to both sides, the sources, the answers. */
export interface FindingEvidence {
  /** The observation's number; for a fact of an assessment, the fact's number within it. */
  observation: number;
  /** The assessment the fact comes from, when it does. */
  assessment?: number;
  /** The observation's own key-addressed pointer. */
  pointer: string;
  /** Where the observation is read (`/v1/providers/{id}/observations/{n}`, or `…/assessments/{n}`). */
  location: string;
  organisation: string;
  statement: string;
  declared: unknown;
  observed: unknown;
  sources: EvidenceSource[];
  responses: { statement: string; sources: EvidenceSource[] }[];
}

/** What a check returns: a message and the places in the declaration it is about. */
export interface CheckResult {
  message: string;
  paths: Segment[][];
  jurisdiction?: string;
  evidence?: FindingEvidence;
  /** For a conflict between two pieces of evidence: the other one (`evidence` is the later). */
  conflictsWith?: FindingEvidence;
}

/** A rule is data plus one small pure check function. */
export interface Rule {
  id: string;
  severity: Severity;
  /** Default `document`. */
  kind?: FindingKind;
  description: string;
  check: (ctx: FindingContext) => CheckResult[];
}

/** What the API returns. `pointers` are RFC 6901 JSON Pointers into the declaration. */
export interface Finding {
  rule: string;
  severity: Severity;
  kind: FindingKind;
  message: string;
  pointers: string[];
  jurisdiction?: string;
  /** For findings about evidence: the observation behind it. */
  evidence?: FindingEvidence;
  /** For a conflict between two pieces of evidence: the earlier one (`evidence` is the later, which the observed view uses). */
  conflictsWith?: FindingEvidence;
}
