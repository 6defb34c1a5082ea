import { boundedSchemaIssues } from '../formats/bounded-schema-check.js';
import type { SchemaRegistry } from '../formats/schema-registry.js';
import { semanticIssues } from '../formats/semantic-rules.js';
import type { Declaration, GovernmentRequest } from '../formats/types.generated.js';
import { capped, MAX_REPORTED_ISSUES } from '../formats/validate-declaration.js';
import type { ValidationIssue } from '../formats/validation-error.js';
import { requestRowKey } from './request-row-key.js';

/**
 * Checks a list of `governmentRequests` rows with exactly the rules a declaration's rows
 * get (schema, then the semantic rules: period order, bands, outcomes ≤ requests).
 * Pointers are relative to the list (`/3/requests`). Like a declaration's check, it lists at
 * most `cap` problems (the first in document order) and stops looking soon after.
 */
export function checkGovernmentRequests(registry: SchemaRegistry, rows: unknown, cap = MAX_REPORTED_ISSUES): ValidationIssue[] {
  if (!registry.quickValidator('government-requests')(rows)) {
    const schema = boundedSchemaIssues({ fragment: (ref) => registry.fragment(ref.schema, ref.pointer) }, { schema: 'government-requests', pointer: '' }, registry.places('government-requests'), rows, cap);
    return capped(schema.issues, cap, schema.more);
  }
  // The semantic rules read a whole declaration; a shell holding only the rows reaches just the row rules.
  const shell = { provider: { id: 'import', name: 'import' }, dataCategories: [], governmentRequests: rows as GovernmentRequest[] } as unknown as Declaration;
  const prefix = '/governmentRequests';
  return capped(
    semanticIssues(shell, undefined, cap)
      .filter((issue) => issue.pointer.startsWith(prefix + '/'))
      .map((issue) => ({ ...issue, pointer: issue.pointer.slice(prefix.length) })),
    cap,
  );
}

/**
 * Rows that repeat an earlier row's period, country and process: an import may not say two
 * things about one figure. Each repetition is one issue, up to `cap` (then one saying more were
 * left out); the list is walked once.
 */
export function duplicateRows(rows: GovernmentRequest[], cap = MAX_REPORTED_ISSUES): ValidationIssue[] {
  const first = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  for (let i = 0; i < rows.length && issues.length <= cap; i++) {
    const key = requestRowKey(rows[i]);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, i);
    else issues.push({ pointer: `/${i}`, keyword: 'duplicateRow', message: `same period, country and process as row ${earlier}` });
  }
  return capped(issues, cap);
}
