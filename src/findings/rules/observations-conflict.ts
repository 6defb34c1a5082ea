import { isDeepStrictEqual } from 'node:util';
import { compareObserved, isSilent } from '../../observations/compare-observed.js';
import { itemKey } from '../../observations/list-keys.js';
import { parsePointer } from '../../formats/json-pointer.js';
import type { CheckResult, FindingContext, FindingEvidence, ObservedFact, Rule } from '../rule.js';

const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const contains = (list: unknown[], items: unknown[]) => items.every((i) => list.some((x) => isDeepStrictEqual(x, i)));

/**
 * Whether two statements of one fact disagree. Silence disagrees with nothing. Lists from
 * "at least" sources (assessments) combine: two of them never disagree, and one disagrees
 * with a complete list (an observation's) only by naming an item that list lacks.
 */
export function disagree(a: unknown, b: unknown, aAtLeast: boolean, bAtLeast: boolean): boolean {
  if (isSilent(a) || isSilent(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (aAtLeast && bAtLeast) return false;
    if (aAtLeast) return !contains(b, a);
    if (bAtLeast) return !contains(a, b);
    return !(a.length === b.length && contains(a, b));
  }
  if (isObject(a) && isObject(b) && a.kind === undefined && b.kind === undefined) {
    return Object.keys(a).some((k) => k in b && disagree(a[k], b[k], aAtLeast, bAtLeast));
  }
  return !isDeepStrictEqual(a, b);
}

/** The fact's place as one key: the pointer, with an added item (`-`) named by its key. */
function placeKey(f: ObservedFact): string {
  const last = f.place.steps.at(-1);
  return last?.kind === 'append' ? `${f.pointer.slice(0, -1)}${itemKey(f.value, last.fields) ?? ''}` : f.pointer;
}

const evidence = (f: ObservedFact, declared: unknown): FindingEvidence => ({
  observation: f.id,
  ...(f.assessment !== undefined ? { assessment: f.assessment } : {}),
  pointer: f.pointer,
  location: f.assessment !== undefined ? `/v1/providers/${f.providerId}/assessments/${f.assessment}` : `/v1/providers/${f.providerId}/observations/${f.id}`,
  organisation: f.organisation,
  statement: f.statement,
  declared: declared ?? null,
  observed: f.value,
  sources: f.sources,
  responses: f.responses,
});

const which = (f: ObservedFact) => (f.assessment !== undefined ? `assessment ${f.assessment}, fact ${f.id}` : `observation ${f.id}`);
const newerLast = (a: ObservedFact, b: ObservedFact) => a.observedAt.localeCompare(b.observedAt) || (a.assessment ?? 0) - (b.assessment ?? 0) || a.id - b.id;

function check({ declaration, observations = [] }: FindingContext): CheckResult[] {
  const byPlace = new Map<string, ObservedFact[]>();
  for (const f of observations) byPlace.set(placeKey(f), [...(byPlace.get(placeKey(f)) ?? []), f]);
  const results: CheckResult[] = [];
  for (const [place, facts] of byPlace) {
    const sorted = [...facts].sort(newerLast);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const [older, newer] = [sorted[i], sorted[j]];
        if (!disagree(older.value, newer.value, older.atLeast ?? false, newer.atLeast ?? false)) continue;
        const comparison = compareObserved(declaration, newer.place, newer.value);
        const path = comparison?.path ?? parsePointer(place);
        results.push({
          message: `evidence disagrees at ${place}: ${older.organisation} observed ${show(older.value)} (${which(older)}, ${older.observedAt}); ${newer.organisation} observed ${show(newer.value)} (${which(newer)}, ${newer.observedAt}). The observed view uses the later one; both stand until one is withdrawn or superseded.`,
          paths: [path],
          evidence: evidence(newer, comparison?.declared),
          conflictsWith: evidence(older, comparison?.declared),
        });
      }
    }
  }
  return results;
}

export const observationsConflict: Rule = {
  id: 'observations-conflict',
  severity: 'warning',
  description: 'Two active observations (or facts of assessments) about one fact disagree: the observed view takes the later one, and both are named. Lists from "at least" sources combine and never conflict.',
  check,
};
