import type { Declaration } from '../formats/types.generated.js';
import { applyObservations, type ObservedDeclaration, type PlacedObservation } from '../observations/apply-observations.js';
import { compareObserved } from '../observations/compare-observed.js';
import { computeExposure, type ExplainLevel, type ExposureResult } from '../scoring/index.js';
import type { PolicyData } from './analysis.js';

export type Basis = 'declared' | 'observed';
export const BASES: readonly Basis[] = ['declared', 'observed'];

export interface ScoreOptions {
  lawDate?: string;
  explain?: ExplainLevel;
}

export interface ObservedExposure extends ObservedDeclaration {
  result: ExposureResult;
  /** For each applied observation, the index path of its fact in the observed declaration. */
  paths: Map<number, string>;
  /** For each assessment with an applied fact, the index paths of its facts. */
  assessmentPaths: Map<number, string[]>;
}

/**
 * The one way the service scores "as observed": put each observed fact in place of the
 * declared one, then score the result with the same model as any declaration. Used by
 * stored providers, drafts (`POST /v1/score?basis=observed`), rankings and pages alike.
 */
export function scoreAsObserved(base: Declaration, observations: PlacedObservation[], policy: PolicyData, options: ScoreOptions = {}): ObservedExposure {
  const observed = applyObservations(base, observations);
  const result = computeExposure(observed.declaration, policy.jurisdictions, policy.params, options);
  const paths = new Map<number, string>();
  const assessmentPaths = new Map<number, string[]>();
  const appliedFacts = new Set(observed.assessed.filter((a) => a.applied).map((a) => `${a.assessment}.${a.fact}`));
  for (const o of observations) {
    if (o.assessment !== undefined) {
      if (!appliedFacts.has(`${o.assessment}.${o.id}`)) continue;
      const at = compareObserved(observed.declaration, o.place, o.value);
      if (at) assessmentPaths.set(o.assessment, [...(assessmentPaths.get(o.assessment) ?? []), '/' + at.path.join('/')]);
      continue;
    }
    if (!observed.applied.includes(o.id)) continue;
    const at = compareObserved(observed.declaration, o.place, o.value);
    if (at) paths.set(o.id, '/' + at.path.join('/'));
  }
  return { ...observed, result, paths, assessmentPaths };
}

/** A cell whose bounds differ between the two bases, and the observations whose facts drive it. */
export interface CellDifference {
  category: string;
  jurisdiction: string;
  declared: { established: number; worstCase: number };
  observed: { established: number; worstCase: number };
  observations: number[];
  /** Assessments whose facts the observed cell rests on. */
  assessments: number[];
}

const bounds = (c: { established?: number; worstCase?: number; score: number }) => ({ established: c.established ?? c.score, worstCase: c.worstCase ?? c.score });
/** Every proper prefix of a JSON pointer ('/a/b/c' → '/a', '/a/b'). */
const properPrefixes = (pointer: string): string[] => {
  const out: string[] = [];
  for (let at = pointer.indexOf('/', 1); at > 0; at = pointer.indexOf('/', at + 1)) out.push(pointer.slice(0, at));
  return out;
};

/**
 * Whether a place meets any of a cell's facts: the same pointer, one inside the other either
 * way. Made once per cell as two sets, so each place costs its depth, not the facts' count
 * (500 observations against 923 cells of 64 facts each were tens of millions of comparisons).
 */
function meetsFacts(facts: string[]): (path: string, prefixes: string[]) => boolean {
  const exact = new Set(facts);
  const around = new Set(facts.flatMap(properPrefixes));
  return (path, prefixes) => exact.has(path) || around.has(path) || prefixes.some((p) => exact.has(p));
}

/**
 * Where "as declared" and "as observed" differ, cell by cell, with the observations whose
 * facts the observed cell rests on (its pathways' declaration pointers meet the
 * observation's place), so a reader sees which evidence moves which number.
 */
export function differences(declared: ExposureResult, observed: ObservedExposure): CellDifference[] {
  const byKey = new Map(declared.cells.map((c) => [`${c.category}|${c.jurisdiction}`, c]));
  const out: CellDifference[] = [];
  const placed = [...observed.paths].map(([id, path]) => ({ id, path, prefixes: properPrefixes(path) }));
  const assessedAt = [...observed.assessmentPaths].map(([id, paths]) => ({ id, paths: paths.map((path) => ({ path, prefixes: properPrefixes(path) })) }));
  for (const cell of observed.result.cells) {
    const before = byKey.get(`${cell.category}|${cell.jurisdiction}`);
    if (!before) continue;
    const a = bounds(before);
    const b = bounds(cell);
    if (a.established === b.established && a.worstCase === b.worstCase) continue;
    const meets = meetsFacts(cell.pathways.flatMap((p) => p.facts.declaration));
    const drivers = placed.filter((o) => meets(o.path, o.prefixes)).map((o) => o.id);
    const assessed = assessedAt.filter((a) => a.paths.some((p) => meets(p.path, p.prefixes))).map((a) => a.id);
    const any = drivers.length + assessed.length > 0;
    out.push({
      category: cell.category,
      jurisdiction: cell.jurisdiction,
      declared: a,
      observed: b,
      observations: any ? drivers : [...observed.paths.keys()],
      assessments: any ? assessed : [...observed.assessmentPaths.keys()],
    });
  }
  return out;
}
