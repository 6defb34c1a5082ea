import { CompactScores } from '../../src/service/compact-scores.js';
import { providerSummaryCodec, type ProviderSummary } from '../../src/service/provider-entry.js';
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

  it('go to JSON and back exactly, sharing the layout, whether of tenths or of other values', () => {
    for (const t of [table, { content: { AU: [1 / 3, 2 / 3] }, metadata: { CN: [0, 1] } } as ScoreTable]) {
      const compact = CompactScores.of(t);
      const back = CompactScores.fromJSON(JSON.parse(JSON.stringify(compact)));
      expect(back.toTable()).toEqual(t);
      expect(back.layout).toBe(compact.layout);
    }
    expect(typeof CompactScores.of(table).toJSON().established).toBe('string');
    expect(() => CompactScores.fromJSON({ categories: ['content'], jurisdictions: ['AU'], established: 'AAAA', worstCase: 'AA==' })).toThrow();
  });

  it('are kept in a provider summary that decodes to the same summary, and nothing else decodes', () => {
    const summary: ProviderSummary = {
      name: 'A',
      asOf: '2026-01-01',
      modelVersion: '2.0.0',
      lawDate: '2026-02-01',
      lawEpoch: 'e1',
      categoriesCollected: 3,
      grade: 'D',
      establishedGrade: 'B',
      exposureScore: 90,
      established: 40,
      disclosureScore: 55,
      scores: CompactScores.of(table),
    };
    const stored = JSON.parse(JSON.stringify(providerSummaryCodec.encode(summary)));
    const decoded = providerSummaryCodec.decode(stored)!;
    expect({ ...decoded, scores: decoded.scores.toTable() }).toEqual({ ...summary, scores: table });
    expect(providerSummaryCodec.decode({ ...stored, format: 0 })).toBeUndefined();
    expect(providerSummaryCodec.decode({ ...stored, name: 1 })).toBeUndefined();
    expect(providerSummaryCodec.decode({ ...stored, scores: { categories: [] } })).toBeUndefined();
    expect(providerSummaryCodec.decode(null)).toBeUndefined();
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
