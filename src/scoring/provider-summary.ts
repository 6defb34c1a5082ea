import { gradeFor } from './grade.js';
import type { CategoryId, Cell, ExposureResult, Grade, Jurisdiction, ModelParameters } from './types.js';

/** Whether `b` ranks before `a` worst first (a later cell never does on a tie). */
const worse = (b: Cell, a: Cell) => b.worstCase > a.worstCase || (b.worstCase === a.worstCase && b.established > a.established);

export interface CellHeadline {
  category: CategoryId;
  jurisdiction: Jurisdiction;
  established: number;
  worstCase: number;
  score: number;
  grade: Grade;
  establishedGrade: Grade;
}

export interface ExposureSummary {
  modelVersion: string;
  /** The worst cell: the grade is the worst thing the model finds, not an average that hides it. */
  overall: { established: number; worstCase: number; score: number; grade: Grade; establishedGrade: Grade };
  worstCells: CellHeadline[];
  byCategory: CellHeadline[];
  byJurisdiction: CellHeadline[];
}

const headline = (c: Cell): CellHeadline => ({ category: c.category, jurisdiction: c.jurisdiction, established: c.established, worstCase: c.worstCase, score: c.score, grade: c.grade, establishedGrade: c.establishedGrade });

/**
 * The first `count` cells worst first by `worstCase`, ties broken by the higher `established`,
 * then matrix order (taxonomy, then code): a total order, so picking the first few in one pass
 * gives what sorting every cell would.
 */
function worstFirst(cells: Cell[], count: number): Cell[] {
  const top: Cell[] = [];
  for (const c of cells) {
    if (top.length === count && !worse(c, top[count - 1])) continue;
    let i = top.length === count ? count - 1 : top.length;
    while (i > 0 && worse(c, top[i - 1])) {
      top[i] = top[i - 1];
      i--;
    }
    top[i] = c;
  }
  return top;
}

/** The first cell of `worstFirst` order for each key, keys in the order cells first name them: one pass, no sort. */
function worstPer<K extends string>(cells: Cell[], key: (c: Cell) => K): CellHeadline[] {
  const worst = new Map<K, Cell>();
  for (const c of cells) {
    const k = key(c);
    const known = worst.get(k);
    if (known === undefined || worse(c, known)) worst.set(k, c);
  }
  return [...worst.values()].map(headline);
}

/** Per-provider summary of an exposure matrix: overall grade, worst cells, worst per category and per jurisdiction. */
export function summarizeExposure(result: ExposureResult, params: ModelParameters, worstCount = 5): ExposureSummary {
  const ranked = worstFirst(result.cells, Math.max(1, worstCount));
  const top = ranked[0];
  const score = top ? top.worstCase : 0;
  const established = top ? top.established : 0;
  return {
    modelVersion: result.modelVersion,
    overall: { established, worstCase: score, score, grade: gradeFor(score, params), establishedGrade: gradeFor(established, params) },
    worstCells: ranked.slice(0, worstCount).map(headline),
    byCategory: worstPer(result.cells, (c) => c.category),
    byJurisdiction: worstPer(result.cells, (c) => c.jurisdiction).sort((a, b) => (a.jurisdiction < b.jurisdiction ? -1 : 1)),
  };
}
