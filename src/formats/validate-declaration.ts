import { boundedSchemaIssues } from './bounded-schema-check.js';
import { compareIssues } from './document-order.js';
import type { SchemaRegistry } from './schema-registry.js';
import { semanticIssues, semanticIssuesOfInvalid } from './semantic-rules.js';
import { semanticWarnings } from './semantic-warnings.js';
import type { Declaration } from './types.generated.js';
import { normalizeIssues, type ValidationIssue } from './validation-error.js';

export type DeclarationCheck =
  | { valid: true; declaration: Declaration; warnings: ValidationIssue[] }
  | { valid: false; errors: ValidationIssue[] };

export interface CheckOptions {
  /** The `{providerId}` a document is submitted under; `provider.id` must equal it. */
  providerId?: string;
  /** Today's date (YYYY-MM-DD), passed in so the check stays a pure function. */
  today?: string;
  /** At most this many problems are listed (default MAX_REPORTED_ISSUES). */
  maxIssues?: number;
}

/**
 * At most this many problems are listed in one answer. A real declaration with more is
 * broken throughout (fixing the first ones shows the pattern); beyond it, every further
 * error only costs the server time — a 1 MB body can hold half a million of them.
 */
export const MAX_REPORTED_ISSUES = 1000;
/**
 * The first `cap` issues in document order (errors, and likewise warnings), sorted as every
 * answer is (normalizeIssues), and one at the root saying that more were left out.
 */
export function capped(issues: ValidationIssue[], cap = MAX_REPORTED_ISSUES, more = false): ValidationIssue[] {
  const all = normalizeIssues(issues);
  if (!more && all.length <= cap) return all;
  const first = all.length <= cap ? all : normalizeIssues([...all].sort(compareIssues).slice(0, cap));
  return [...first, { pointer: '', keyword: 'maxErrors', message: `the document has more than ${cap} problems; only the first ${cap} are listed` }];
}

/**
 * Schema first, then the semantic rules: every error of the document in one answer (up to
 * MAX_REPORTED_ISSUES, the first in document order). A valid document costs one quick schema
 * check that stops at the first error; only an invalid one is checked in full, in bounded
 * pieces (bounded-schema-check.ts), so no document makes the check build more than a few
 * issues past the cap.
 */
export function checkDeclaration(registry: SchemaRegistry, doc: unknown, options: CheckOptions = {}): DeclarationCheck {
  const cap = options.maxIssues ?? MAX_REPORTED_ISSUES;
  if (!registry.quickValidator('declaration')(doc)) {
    const schema = boundedSchemaIssues({ fragment: (ref) => registry.fragment(ref.schema, ref.pointer) }, { schema: 'declaration', pointer: '' }, registry.places('declaration'), doc, cap);
    // Past the cap the semantic rules would only add to a list that is already cut.
    const semantic = schema.more ? [] : semanticIssuesOfInvalid(doc, options.providerId, schema.issues.map((i) => i.pointer), cap);
    return { valid: false, errors: capped([...schema.issues, ...semantic], cap, schema.more) };
  }
  const declaration = doc as Declaration;
  const errors = semanticIssues(declaration, options.providerId, cap);
  if (errors.length > 0) return { valid: false, errors: capped(errors, cap) };
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  return { valid: true, declaration, warnings: capped(semanticWarnings(declaration, today), cap) };
}
