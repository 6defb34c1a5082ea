import type { Cell, ExplainLevel, Unknown } from '../scoring/index.js';

/**
 * How much of each exposure cell an answer carries (`?explain=`):
 * - `summary` (default): bounds, grades and what widens the range, as `unknownRefs` —
 *   indexes into one `unknowns` table at the top of the answer, each unknown listed once;
 * - `facts` (`compact` is its alias): also every pathway with its bounds, short reading
 *   and cited facts, unknowns inline in each cell;
 * - `full`: as `facts`, with the explanation texts and the unknowns' notes.
 */
export type DetailLevel = 'summary' | 'facts' | 'full';

export const DETAIL_LEVELS: readonly string[] = ['summary', 'facts', 'compact', 'full'];

/** `explain` as the API spells it (`compact` is `facts`), or undefined when it is none of them. */
export function detailLevel(text: string): DetailLevel | undefined {
  if (text === 'compact') return 'facts';
  return text === 'summary' || text === 'facts' || text === 'full' ? text : undefined;
}

/**
 * What the scoring core must build for a level: the texts only for `full`; for a JSON answer at
 * `summary` (`jsonOnly`) no pathways at all, since it shows none (a CSV table lists each cell's
 * pathways at every level, so it asks for them).
 */
export function scoringDetail(level: DetailLevel, jsonOnly = false): ExplainLevel {
  return level === 'full' ? 'full' : level === 'summary' && jsonOnly ? 'summary' : 'compact';
}

/** A cell of a `summary` answer. */
export interface SummaryCell {
  category: Cell['category'];
  jurisdiction: Cell['jurisdiction'];
  established: number;
  worstCase: number;
  score: number;
  grade: Cell['grade'];
  establishedGrade: Cell['establishedGrade'];
  unknownRefs: number[];
}

/** The cells of an answer at a level, with the `unknowns` table a `summary` refers into (absent otherwise). */
export interface DetailedCells {
  cells: Cell[] | SummaryCell[];
  unknowns?: Unknown[];
}

/**
 * The cells at a level. The `summary` table lists each unknown (side and pointer) once, in the
 * order the cells first name it, so the same cells always give the same bytes.
 */
export function cellsAt(cells: readonly Cell[], level: DetailLevel): DetailedCells {
  if (level !== 'summary') return { cells: cells as Cell[] };
  const table: Unknown[] = [];
  const refs = new Map<string, number>();
  // The scoring core shares one object per unknown between cells: looked up by identity first,
  // by side and pointer only the first time an object is seen.
  const byObject = new Map<Unknown, number>();
  const summary = cells.map((c): SummaryCell => {
    const unknownRefs: number[] = new Array(c.unknowns.length);
    for (let i = 0; i < c.unknowns.length; i++) {
      const u = c.unknowns[i];
      let ref = byObject.get(u);
      if (ref === undefined) {
        const key = `${u.side}\u0000${u.pointer}`;
        ref = refs.get(key);
        if (ref === undefined) {
          ref = table.length;
          refs.set(key, ref);
          table.push({ pointer: u.pointer, side: u.side });
        }
        byObject.set(u, ref);
      }
      unknownRefs[i] = ref;
    }
    return { category: c.category, jurisdiction: c.jurisdiction, established: c.established, worstCase: c.worstCase, score: c.score, grade: c.grade, establishedGrade: c.establishedGrade, unknownRefs };
  });
  return { unknowns: table, cells: summary };
}
