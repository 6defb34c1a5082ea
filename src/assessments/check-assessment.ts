import { issuesFromAjv } from '../formats/ajv-issues.js';
import type { SchemaRegistry } from '../formats/schema-registry.js';
import type { Assessment } from '../formats/types.generated.js';
import { InvalidDocumentError, normalizeIssues, type ValidationIssue } from '../formats/validation-error.js';
import { LIST_KEYS, itemKey } from '../observations/list-keys.js';

type Item = Record<string, unknown>;

/** Items of one keyed list that repeat a key: each repeat is an issue at its index. */
function repeatedKeys(list: unknown, at: string, fields: readonly string[]): ValidationIssue[] {
  if (!Array.isArray(list)) return [];
  const seen = new Set<string>();
  return list.flatMap((item, i) => {
    const key = itemKey(item, fields);
    if (key === undefined) return [];
    if (seen.has(key)) return [{ pointer: `${at}/${i}/${fields[0]}`, keyword: 'uniqueItems', message: `"${key}" is listed twice; state each item once` }];
    seen.add(key);
    return [];
  });
}

/**
 * Checks an assessment body: the schema (its `document` is any part of a declaration, each
 * part validated as the declaration format states it there, so an issue points at the bad
 * field: `/document/dataCategories/0/retention/kind`), then that each keyed list names an
 * item once and that a `provider.id`, when given, is the provider of the path. Throws
 * InvalidDocumentError (422) with every issue.
 */
export function checkAssessment(registry: SchemaRegistry, body: unknown, providerId: string): Assessment {
  const validate = registry.validator('assessment');
  if (!validate(body)) throw new InvalidDocumentError(normalizeIssues(issuesFromAjv(validate.errors)), 'The assessment does not satisfy the format.');
  const assessment = body as Assessment;
  const doc = assessment.document as Item;
  const legal = (doc.legalProcess ?? {}) as Item;
  const issues: ValidationIssue[] = [
    ...repeatedKeys(doc.dataCategories, '/document/dataCategories', LIST_KEYS.dataCategories),
    ...repeatedKeys(doc.thirdParties, '/document/thirdParties', LIST_KEYS.thirdParties),
    ...repeatedKeys(legal.interceptionStatutes, '/document/legalProcess/interceptionStatutes', LIST_KEYS.interceptionStatutes),
    ...repeatedKeys(legal.policies, '/document/legalProcess/policies', LIST_KEYS.policies),
    ...((doc.dataCategories ?? []) as Item[]).flatMap((c, i) => repeatedKeys(c.interception, `/document/dataCategories/${i}/interception`, LIST_KEYS.interception)),
  ];
  const id = (doc.provider as Item | undefined)?.id;
  if (id !== undefined && id !== providerId) issues.push({ pointer: '/document/provider/id', keyword: 'const', message: `must be "${providerId}", the provider of the path (or left out)` });
  if (issues.length > 0) throw new InvalidDocumentError(normalizeIssues(issues), 'The assessment does not satisfy the format.');
  return assessment;
}
