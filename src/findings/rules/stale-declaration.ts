import type { CheckResult, FindingContext, Rule } from '../rule.js';

/** The coalition asked for a regularly updated report: statements older than this are flagged. */
const MONTHS = 12;

function monthsBefore(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/** Judged when the findings are read (it depends on today), never stored with a version. */
function check({ declaration, today }: FindingContext): CheckResult[] {
  if (today === undefined || declaration.asOf >= monthsBefore(today, MONTHS)) return [];
  return [{ message: `the statements are as of ${declaration.asOf}, more than ${MONTHS} months before ${today}: the declaration is due for an update`, paths: [['asOf']] }];
}

export const staleDeclaration: Rule = {
  id: 'stale-declaration',
  severity: 'warning',
  description: `The declaration's asOf is more than ${MONTHS} months old (checked when findings are read).`,
  check,
};
