import type { Declaration } from './types.generated.js';
import { pointer } from './json-pointer.js';
import type { ValidationIssue } from './validation-error.js';

/**
 * Things that are allowed but probably not meant. They never block a submission;
 * `POST /v1/validate` returns them so a drafter can look twice.
 */
/** At most this many row numbers are named in one grouped warning. */
export const LISTED_REPEATED_ROWS = 5;

const listRows = (rows: number[]) =>
  rows.length <= LISTED_REPEATED_ROWS ? `rows ${rows.join(', ')}` : `rows ${rows.slice(0, LISTED_REPEATED_ROWS).join(', ')}, …`;

export function semanticWarnings(decl: Declaration, today: string): ValidationIssue[] {
  const warnings: ValidationIssue[] = [];
  if (decl.asOf > today) warnings.push({ pointer: '/asOf', keyword: 'futureDate', message: `asOf ${decl.asOf} is in the future` });
  decl.dataCategories.forEach((c, i) => {
    if (c.collected === 'no' && c.retention && c.retention.kind !== 'none')
      warnings.push({ pointer: pointer('dataCategories', i, 'retention'), keyword: 'notCollectedButRetained', message: `"${c.category}" is declared not collected but has a retention of kind "${c.retention.kind}"` });
  });
  // One warning per repeated row key, at its first repetition, naming the row it repeats and
  // how many more repeat it: a body of thousands of identical rows costs one line, not thousands.
  const first = new Map<string, number>();
  const repeats = new Map<string, number[]>();
  (decl.governmentRequests ?? []).forEach((r, i) => {
    const key = `${r.period.start}/${r.period.end}/${r.country}/${r.process}`;
    const at = first.get(key);
    if (at === undefined) first.set(key, i);
    else {
      const list = repeats.get(key);
      if (list) list.push(i);
      else repeats.set(key, [i]);
    }
  });
  for (const [key, rowsRepeating] of repeats) {
    const more = rowsRepeating.length - 1;
    const tail = more === 0 ? '' : `; ${more} more row${more === 1 ? '' : 's'} repeat${more === 1 ? 's' : ''} it (${listRows(rowsRepeating.slice(1))})`;
    warnings.push({ pointer: pointer('governmentRequests', rowsRepeating[0]), keyword: 'duplicateRow', message: `same period, country and process as row ${first.get(key)}${tail}` });
  }
  return warnings;
}
