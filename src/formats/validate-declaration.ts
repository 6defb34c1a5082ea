import type { SchemaRegistry } from './schema-registry.js';
import { issuesFromAjv } from './ajv-issues.js';
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
}

/**
 * At most this many problems are listed in one answer. A real declaration with more is
 * broken throughout (fixing the first ones shows the pattern); beyond it, every further
 * error only costs the server time — a 1 MB body can hold half a million of them.
 */
export const MAX_REPORTED_ISSUES = 1000;
/** Ajv errors read to find them (some are merged or dropped as noise). */
const MAX_SCHEMA_ERRORS_READ = 4 * MAX_REPORTED_ISSUES;

/** The first `MAX_REPORTED_ISSUES` issues (errors, and likewise warnings), and one at the root saying that more were left out. */
function capped(issues: ValidationIssue[], more = false): ValidationIssue[] {
  if (!more && issues.length <= MAX_REPORTED_ISSUES) return issues;
  return [
    ...issues.slice(0, MAX_REPORTED_ISSUES),
    { pointer: '', keyword: 'maxErrors', message: `the document has more than ${MAX_REPORTED_ISSUES} problems; only the first ${MAX_REPORTED_ISSUES} are listed` },
  ];
}

/** Schema first, then the semantic rules: every error of the document in one answer (up to MAX_REPORTED_ISSUES). */
export function checkDeclaration(registry: SchemaRegistry, doc: unknown, options: CheckOptions = {}): DeclarationCheck {
  const validate = registry.validator('declaration');
  if (!validate(doc)) {
    const all = validate.errors ?? [];
    const cut = all.length > MAX_SCHEMA_ERRORS_READ;
    const schemaIssues = issuesFromAjv(cut ? all.slice(0, MAX_SCHEMA_ERRORS_READ) : all);
    // Past the cut the semantic rules would only add to a list that is already cut.
    const semantic = cut ? [] : semanticIssuesOfInvalid(doc, options.providerId, schemaIssues.map((i) => i.pointer));
    return { valid: false, errors: capped(normalizeIssues([...schemaIssues, ...semantic]), cut) };
  }
  const declaration = doc as Declaration;
  const errors = semanticIssues(declaration, options.providerId);
  if (errors.length > 0) return { valid: false, errors: capped(normalizeIssues(errors)) };
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  return { valid: true, declaration, warnings: capped(normalizeIssues(semanticWarnings(declaration, today))) };
}
