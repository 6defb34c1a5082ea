import type { Declaration, JurisdictionProfile } from '../formats/types.generated.js';
import type { Change } from '../diff/change.js';

export type Severity = 'error' | 'warning' | 'info';
export type Segment = string | number;

/** What every rule may read: the version, its predecessor's changes and the law. Nothing else. */
export interface FindingContext {
  declaration: Declaration;
  /** Changes since the previous version (empty for a first version). */
  changes: Change[];
  jurisdictions: JurisdictionProfile[];
  /** Taxonomy ids whose kind is content (policies/categories.json). */
  contentCategories: ReadonlySet<string>;
}

/** What a check returns: a message and the places in the declaration it is about. */
export interface CheckResult {
  message: string;
  paths: Segment[][];
  jurisdiction?: string;
}

/** A rule is data plus one small pure check function. */
export interface Rule {
  id: string;
  severity: Severity;
  description: string;
  check: (ctx: FindingContext) => CheckResult[];
}

/** What the API returns. `pointers` are RFC 6901 JSON Pointers into the declaration. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  pointers: string[];
  jurisdiction?: string;
}
