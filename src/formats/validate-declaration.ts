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

/** Schema first, then the semantic rules: every error of the document in one answer. */
export function checkDeclaration(registry: SchemaRegistry, doc: unknown, options: CheckOptions = {}): DeclarationCheck {
  const validate = registry.validator('declaration');
  if (!validate(doc)) {
    const schemaIssues = issuesFromAjv(validate.errors);
    const semantic = semanticIssuesOfInvalid(doc, options.providerId, schemaIssues.map((i) => i.pointer));
    return { valid: false, errors: normalizeIssues([...schemaIssues, ...semantic]) };
  }
  const declaration = doc as Declaration;
  const errors = semanticIssues(declaration, options.providerId);
  if (errors.length > 0) return { valid: false, errors: normalizeIssues(errors) };
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  return { valid: true, declaration, warnings: normalizeIssues(semanticWarnings(declaration, today)) };
}
