import type { Declaration } from './types.generated.js';
import { pointer } from './json-pointer.js';
import type { ValidationIssue } from './validation-error.js';

/**
 * Things that are allowed but probably not meant. They never block a submission;
 * `POST /v1/validate` returns them so a drafter can look twice.
 */
export function semanticWarnings(decl: Declaration, today: string): ValidationIssue[] {
  const warnings: ValidationIssue[] = [];
  if (decl.asOf > today) warnings.push({ pointer: '/asOf', keyword: 'futureDate', message: `asOf ${decl.asOf} is in the future` });
  decl.dataCategories.forEach((c, i) => {
    if (c.collected === 'no' && c.retention && c.retention.kind !== 'none')
      warnings.push({ pointer: pointer('dataCategories', i, 'retention'), keyword: 'notCollectedButRetained', message: `"${c.category}" is declared not collected but has a retention of kind "${c.retention.kind}"` });
  });
  const rows = new Map<string, number>();
  (decl.governmentRequests ?? []).forEach((r, i) => {
    const key = `${r.period.start}/${r.period.end}/${r.country}/${r.process}`;
    if (rows.has(key))
      warnings.push({ pointer: pointer('governmentRequests', i), keyword: 'duplicateRow', message: `same period, country and process as row ${rows.get(key)}` });
    else rows.set(key, i);
  });
  return warnings;
}
