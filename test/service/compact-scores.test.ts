import { CompactScores } from '../../src/service/compact-scores.js';
import { heapSize } from '../../src/service/byte-bounded-cache.js';
import { rankProviders, type RankedLatest } from '../../src/service/ranking.js';
import type { ScoreTable } from '../../src/service/analysis.js';

const table: ScoreTable = {
  content: { AU: [10, 90], CN: [40, 90], US: [0, 0] },
  metadata: { AU: [55.5, 60], CN: [0.1, 100], US: [12.3, 45.6] },
};

const entry = (providerId: string, scores: ScoreTable): RankedLatest => ({
  meta: { providerId, version: 1, submittedAt: '2026-01-01T00:00:00.000Z', hash: 'h' },
  summary: { name: providerId.toUpperCase(), asOf: '2026-01-01', disclosureScore: 50, scores: CompactScores.of(scores) },
});

describe('compact score tables', () => {
  it('give back every cell exactly, in tenths, in 4 bytes a cell', () => {
    const compact = CompactScores.of(table);
    expect(compact.toTable()).toEqual(table);
    expect(Object.keys(compact.toTable())).toEqual(['content', 'metadata']);
    expect(compact.bytes).toBeLessThan(6 * 4 + 100);
    expect(compact.has(compact.indexOf('content', 'XX'))).toBe(false);
  });

  it('keep values that are not tenths exactly', () => {
    const odd: ScoreTable = { content: { AU: [1 / 3, 2 / 3] } };
    expect(CompactScores.of(odd).toTable()).toEqual(odd);
  });

  it('share one layout between tables of the same shape', () => {
    expect(CompactScores.of(table).layout).toBe(CompactScores.of(structuredClone(table)).layout);
  });
});

describe('rankings on compact tables', () => {
  const a = entry('a', table);
  const b = entry('b', { content: { AU: [40, 95], CN: [40, 80], US: [0, 0] }, metadata: { AU: [0, 0], CN: [0, 0], US: [0, 0] } });
  const c = entry('c', { content: { AU: [40, 90], CN: [0, 90], US: [0, 0] }, metadata: { AU: [0, 0], CN: [0, 0], US: [0, 0] } });

  it('place each provider by its worst selected cell, the other bound breaking ties, and share ranks', () => {
    const { ranked } = rankProviders([a, b, c], { categories: ['content'], jurisdictions: [] });
    expect(ranked.map((r) => [r.latest.meta.providerId, r.rank, r.established, r.worstCase, `${r.category}/${r.jurisdiction}`])).toEqual([
      ['b', 1, 40, 95, 'content/AU'],
      ['a', 2, 40, 90, 'content/CN'],
      ['c', 2, 40, 90, 'content/AU'],
    ]);
  });

  it('rank by what is established when asked, and list providers without a selected cell apart', () => {
    const none = entry('d', { content: { DE: [1, 2] } });
    const { ranked, undeclared } = rankProviders([a, b, c, none], { categories: [], jurisdictions: ['AU'] }, 'established');
    expect(ranked.map((r) => [r.latest.meta.providerId, r.rank, r.established, r.worstCase])).toEqual([
      ['a', 1, 55.5, 60],
      ['b', 2, 40, 95],
      ['c', 2, 40, 90],
    ]);
    expect(undeclared).toEqual(['d']);
  });
});

describe('heap size estimate', () => {
  it('counts parsed objects at several times their JSON length', () => {
    const doc = { items: Array.from({ length: 100 }, (_, i) => ({ id: `item-${i}`, score: i + 0.5, tags: ['a', 'b'] })) };
    expect(heapSize(doc)).toBeGreaterThan(2 * JSON.stringify(doc).length);
  });
});
