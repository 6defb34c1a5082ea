import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Declaration } from '../../src/formats/types.generated.js';
import { projectRoot } from '../../src/paths.js';
import { MAX_CITED } from '../../src/scoring/facts.js';
import { computeExposure } from '../../src/scoring/index.js';
import { jurisdictions, params } from './scoring-fixture.js';

/**
 * A cell that rests on every request row of its country cites the first rows and counts the
 * rest: the answer (and the work behind it) grows with the rows once, not once per row.
 */
function withUsRows(n: number): Declaration {
  const d = JSON.parse(readFileSync(path.join(projectRoot, 'policies/providers/rheinfunk-telekom.json'), 'utf8')) as Declaration;
  d.governmentRequests = Array.from({ length: n }, (_, i) => ({
    period: { start: '2013-01-01', end: '2013-12-31' },
    country: 'US',
    process: 'subpoena',
    requests: 10 + i,
    accounts: 10 + i,
    categoriesRequested: ['subscriber-info'],
  })) as Declaration['governmentRequests'];
  return d;
}

describe('citations of many request rows', () => {
  const rows = 3 * MAX_CITED;
  const cells = computeExposure(withUsRows(rows), jurisdictions, params, { explain: 'full' }).cells;
  const us = cells.filter((c) => c.jurisdiction === 'US');
  const rowPointers = (list: readonly string[]) => list.filter((p) => p.startsWith('/governmentRequests/'));

  test(`no pathway cites more than ${MAX_CITED} declaration pointers`, () => {
    for (const cell of cells) for (const p of cell.pathways) expect(p.facts.declaration.length).toBeLessThanOrEqual(MAX_CITED);
  });

  test('a pathway that rests on every row lists the first ones and counts the rest', () => {
    const counted = us.flatMap((c) => c.pathways).filter((p) => p.facts.omitted !== undefined);
    expect(counted.length).toBeGreaterThan(0);
    for (const p of counted) {
      expect(p.facts.declaration).toHaveLength(MAX_CITED);
      expect(rowPointers(p.facts.declaration).length + p.facts.omitted!).toBeGreaterThanOrEqual(rows);
    }
  });

  test('a short list carries no count', () => {
    const few = computeExposure(withUsRows(3), jurisdictions, params, { explain: 'full' }).cells;
    for (const cell of few) for (const p of cell.pathways) expect(p.facts.omitted).toBeUndefined();
  });
});
