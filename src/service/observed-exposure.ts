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
const touches = (fact: string, path: string) => fact === path || fact.startsWith(path + '/') || path.startsWith(fact + '/');

/**
 * Where "as declared" and "as observed" differ, cell by cell, with the observations whose
 * facts the observed cell rests on (its pathways' declaration pointers meet the
 * observation's place), so a reader sees which evidence moves which number.
 */
export function differences(declared: ExposureResult, observed: ObservedExposure): CellDifference[] {
  const byKey = new Map(declared.cells.map((c) => [`${c.category}|${c.jurisdiction}`, c]));
  const out: CellDifference[] = [];
  for (const cell of observed.result.cells) {
    const before = byKey.get(`${cell.category}|${cell.jurisdiction}`);
    if (!before) continue;
    const a = bounds(before);
    const b = bounds(cell);
    if (a.established === b.established && a.worstCase === b.worstCase) continue;
    const facts = cell.pathways.flatMap((p) => p.facts.declaration);
    const drivers = [...observed.paths].filter(([, path]) => facts.some((f) => touches(f, path))).map(([id]) => id);
    const assessed = [...observed.assessmentPaths].filter(([, paths]) => paths.some((path) => facts.some((f) => touches(f, path)))).map(([id]) => id);
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
