import { describe, expect, test } from '@jest/globals';
import type { Declaration } from '../../src/formats/types.generated.js';
import { disclosureScore } from '../../src/scoring/index.js';

const minimal: Declaration = {
  format: 'retention-declaration/1',
  provider: { id: 'minimal', name: 'Minimal' },
  asOf: '2025-01-01',
  dataCategories: [{ category: 'subscriber-info', collected: 'undisclosed' }],
};

describe('disclosureScore', () => {
  test('a declaration that answers almost nothing scores near 0, per question', () => {
    const s = disclosureScore(minimal);
    expect(s.questions.map((q) => q.id)).toEqual(['government-requests', 'data-and-retention', 'interception', 'third-parties', 'legal-process']);
    expect(s.questions[0].score).toBe(0);
    expect(s.questions[3].score).toBe(0);
    expect(s.questions[4].score).toBe(0);
    // Data question: coverage partial (1 of 13 categories), everything else unanswered.
    expect(s.questions[1].elements.find((e) => e.id === 'taxonomy-coverage')?.score).toBe(50);
    expect(s.score).toBeLessThan(10);
  });

  test('RDR arithmetic: element 100 / 50 / 0, mean per question, mean over the five', () => {
    const d: Declaration = {
      ...minimal,
      dataCategories: [{ category: 'subscriber-info', collected: 'yes', retention: { kind: 'fixed', duration: 'P1Y' }, storageLocations: ['DE'], purposes: ['billing'], protection: { inTransit: 'transport', atRest: 'provider-managed' }, interception: [] }],
      thirdParties: [],
      legalProcess: { liveInterception: 'not-supported', guidelinesUrl: 'https://example.org/le' },
    };
    const s = disclosureScore(d);
    expect(s.questions[1].score).toBe(90); // coverage 50, the other four 100
    expect(s.questions[2].score).toBe(100);
    expect(s.questions[3].score).toBe(100); // an explicit empty list answers the question
    expect(s.questions[4].score).toBe(40); // live interception and guidelines answered: 2 of 5
    expect(s.score).toBe(Math.round(((0 + 90 + 100 + 100 + 40) / 5) * 10) / 10);
  });

  test('is deterministic', () => {
    expect(JSON.stringify(disclosureScore(minimal))).toBe(JSON.stringify(disclosureScore(structuredClone(minimal))));
  });
});
