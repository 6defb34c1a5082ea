import { pointer } from '../formats/json-pointer.js';
import type { CheckResult, Finding, FindingContext, Rule, Severity } from './rule.js';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Code-unit order: fixed whatever the locale, and cheap (findings are sorted on every validation). */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const compareFindings = (a: Finding, b: Finding) =>
  SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
  cmp(a.rule, b.rule) ||
  cmp(a.pointers[0] ?? '', b.pointers[0] ?? '') ||
  cmp(a.jurisdiction ?? '', b.jurisdiction ?? '') ||
  cmp(a.message, b.message);

/**
 * Runs every rule and shapes the results: paths become escaped JSON Pointers, exact
 * duplicates go, and the order is fixed (severity, rule, pointer, jurisdiction, message),
 * so the same declaration always gives the same list.
 */
export function runRules(rules: Rule[], ctx: FindingContext): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const kind = rule.kind ?? 'document';
    // Exact duplicates can only come from the same rule: found by place first (short keys),
    // then by message and evidence, rather than by hashing every long message.
    const byPlace = new Map<string, Finding[]>();
    for (const result of rule.check(ctx)) {
      const pointers = pointersOf(result.paths);
      // Built field by field, in the order answers show them: conditional spreads cost more than the rest of this loop (it runs on every validation).
      const finding: Finding = { rule: rule.id, severity: rule.severity, kind, message: result.message, pointers };
      if (result.jurisdiction) finding.jurisdiction = result.jurisdiction;
      if (result.evidence) finding.evidence = result.evidence;
      if (result.conflictsWith) finding.conflictsWith = result.conflictsWith;
      const place = `${pointers.join('\u0001')}\u0000${result.jurisdiction ?? ''}`;
      const here = byPlace.get(place);
      if (here === undefined) byPlace.set(place, [finding]);
      else if (here.some((other) => sameFinding(other, finding))) continue;
      else here.push(finding);
      findings.push(finding);
    }
  }
  return findings.sort(compareFindings);
}

/** Same message and the same evidence (findings at the same place of the same rule). */
const sameFinding = (a: Finding, b: Finding) =>
  a.message === b.message && JSON.stringify(a.evidence) === JSON.stringify(b.evidence) && JSON.stringify(a.conflictsWith) === JSON.stringify(b.conflictsWith);

/** The paths as escaped JSON Pointers, without repeats, sorted. */
function pointersOf(paths: CheckResult['paths']): string[] {
  if (paths.length === 1) return [pointer(...paths[0])];
  return [...new Set(paths.map((p) => pointer(...p)))].sort();
}
