import { describe, expect, test } from '@jest/globals';
import { readSampleDeclarations } from '../../src/policies/load-sample-declarations.js';
import { computeExposure, gradeFor, summarizeExposure, type Cell, type ExposureResult } from '../../src/scoring/index.js';
import { jurisdictions, params, registry } from './scoring-fixture.js';

/**
 * The provider summary picks its worst cells in one pass; it must give what sorting every cell
 * worst first (worstCase, then established, then matrix order) and reading off the first of each
 * category and jurisdiction gives: the reference below does exactly that.
 */
function reference(result: ExposureResult, worstCount: number) {
  const ranked = result.cells.map((c, i) => ({ c, i })).sort((a, b) => b.c.worstCase - a.c.worstCase || b.c.established - a.c.established || a.i - b.i).map((x) => x.c);
  const headline = (c: Cell) => ({ category: c.category, jurisdiction: c.jurisdiction, established: c.established, worstCase: c.worstCase, score: c.score, grade: c.grade, establishedGrade: c.establishedGrade });
  const per = (key: (c: Cell) => string) => {
    const seen = new Map<string, Cell>();
    for (const c of ranked) if (!seen.has(key(c))) seen.set(key(c), c);
    return [...new Set(result.cells.map(key))].map((k) => headline(seen.get(k)!));
  };
  const score = ranked[0]?.worstCase ?? 0;
  const established = ranked[0]?.established ?? 0;
  return {
    modelVersion: result.modelVersion,
    overall: { established, worstCase: score, score, grade: gradeFor(score, params), establishedGrade: gradeFor(established, params) },
    worstCells: ranked.slice(0, worstCount).map(headline),
    byCategory: per((c) => c.category),
    byJurisdiction: per((c) => c.jurisdiction).sort((a, b) => (a.jurisdiction < b.jurisdiction ? -1 : 1)),
  };
}

describe('summarizeExposure', () => {
  const results = readSampleDeclarations(registry).flatMap((d) => [jurisdictions, jurisdictions.slice(0, 3)].map((set) => computeExposure(d, set, params, { lawDate: '2026-12-01', explain: 'summary' })));

  test.each([1, 5, 40])('equals sorting every cell (worst %i)', (count) => {
    for (const r of results) expect(summarizeExposure(r, params, count)).toEqual(reference(r, count));
  });

  test('ties keep matrix order: equal cells are picked first come', () => {
    const cell = (category: string, jurisdiction: string, worstCase: number, established: number) => ({ category, jurisdiction, worstCase, established, score: worstCase, grade: 'C', establishedGrade: 'C', unknowns: [], pathways: [] }) as unknown as Cell;
    const r = { modelVersion: 'm', lawDate: '2026-12-01', cells: [cell('a', 'XA', 40, 10), cell('a', 'XB', 50, 5), cell('b', 'XA', 50, 5), cell('b', 'XB', 50, 7), cell('c', 'XA', 10, 0)] };
    const s = summarizeExposure(r, params, 3);
    expect(s.worstCells.map((c) => `${c.category}${c.jurisdiction}`)).toEqual(['bXB', 'aXB', 'bXA']);
    expect(s).toEqual(reference(r, 3));
    expect(summarizeExposure({ ...r, cells: [] }, params)).toEqual(reference({ ...r, cells: [] }, 5));
  });
});
