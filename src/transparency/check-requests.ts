import { issuesFromAjv } from '../formats/ajv-issues.js';
import type { SchemaRegistry } from '../formats/schema-registry.js';
import { semanticIssues } from '../formats/semantic-rules.js';
import type { Declaration, GovernmentRequest } from '../formats/types.generated.js';
import { normalizeIssues, type ValidationIssue } from '../formats/validation-error.js';

/**
 * Checks a list of `governmentRequests` rows with exactly the rules a declaration's rows
 * get (schema, then the semantic rules: period order, bands, outcomes ≤ requests).
 * Pointers are relative to the list (`/3/requests`).
 */
export function checkGovernmentRequests(registry: SchemaRegistry, rows: unknown): ValidationIssue[] {
  const validate = registry.validator('government-requests');
  if (!validate(rows)) return normalizeIssues(issuesFromAjv(validate.errors));
  // The semantic rules read a whole declaration; a shell holding only the rows reaches just the row rules.
  const shell = { provider: { id: 'import', name: 'import' }, dataCategories: [], governmentRequests: rows as GovernmentRequest[] } as unknown as Declaration;
  const prefix = '/governmentRequests';
  return normalizeIssues(
    semanticIssues(shell)
      .filter((issue) => issue.pointer.startsWith(prefix + '/'))
      .map((issue) => ({ ...issue, pointer: issue.pointer.slice(prefix.length) })),
  );
}
