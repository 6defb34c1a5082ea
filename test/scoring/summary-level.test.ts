import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Declaration } from '../../src/formats/types.generated.js';
import { projectRoot } from '../../src/paths.js';
import { readSampleDeclarations } from '../../src/policies/load-sample-declarations.js';
import { computeExposure, type Cell } from '../../src/scoring/index.js';
import { jurisdictions, params, registry } from './scoring-fixture.js';

/**
 * `explain=summary` builds no pathways (the default answer shows none), and nothing else of a
 * cell may change for it: its bounds, grades and unknowns equal those of `compact`, cell for
 * cell, on every shipped sample and the frozen benchmark fixtures, against every profile.
 */
const fixtures = ['tandem-voice.json', 'rheinfunk-telekom.json'].map((f) => JSON.parse(readFileSync(path.join(projectRoot, 'bench', 'fixtures', f), 'utf8')) as Declaration);
const declarations = [...readSampleDeclarations(registry), ...fixtures];

const bounds = (c: Cell) => ({ category: c.category, jurisdiction: c.jurisdiction, established: c.established, worstCase: c.worstCase, score: c.score, grade: c.grade, establishedGrade: c.establishedGrade, unknowns: c.unknowns });

describe('the summary level of the scoring core', () => {
  test.each(declarations.map((d) => [d.provider.id, d] as const))('%s: same bounds, grades and unknowns as compact, no pathways', (_id, d) => {
    const compact = computeExposure(d, jurisdictions, params, { lawDate: '2026-12-01', explain: 'compact' });
    const summary = computeExposure(d, jurisdictions, params, { lawDate: '2026-12-01', explain: 'summary' });
    expect(summary.cells.length).toBe(compact.cells.length);
    expect(JSON.stringify(summary.cells.map(bounds))).toBe(JSON.stringify(compact.cells.map(bounds)));
    expect(summary.cells.every((c) => c.pathways.length === 0 && c.travelling === undefined)).toBe(true);
    // The compact matrix does carry pathways here: the comparison is not between two empty shapes.
    expect(compact.cells.some((c) => c.pathways.length > 0)).toBe(true);
  });
});
