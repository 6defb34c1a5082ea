import { pointer } from '../formats/json-pointer.js';
import type { Finding, FindingContext, Rule, Severity } from './rule.js';

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
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const result of rule.check(ctx)) {
      const pointers = [...new Set(result.paths.map((p) => pointer(...p)))].sort();
      const finding: Finding = {
        rule: rule.id,
        severity: rule.severity,
        kind: rule.kind ?? 'document',
        message: result.message,
        pointers,
        ...(result.jurisdiction ? { jurisdiction: result.jurisdiction } : {}),
        ...(result.evidence ? { evidence: result.evidence } : {}),
        ...(result.conflictsWith ? { conflictsWith: result.conflictsWith } : {}),
      };
      const key = `${rule.id}\u0000${pointers.join('\u0001')}\u0000${result.jurisdiction ?? ''}\u0000${result.message}${result.evidence ? JSON.stringify(result.evidence) : ''}${result.conflictsWith ? JSON.stringify(result.conflictsWith) : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
  }
  return findings.sort(compareFindings);
}
