import { describe, expect, it } from '@jest/globals';
import { LawInForce } from '../../src/law/law-in-force.js';
import { RankingCache } from '../../src/service/ranking-cache.js';
import { testService, validDeclaration } from '../support/service.js';

describe('a ranking under another law', () => {
  it('is made in slices with turns of the event loop between them, once for concurrent requests', async () => {
    const { atlas, policy } = await testService();
    const ids = Array.from({ length: 8 }, (_, i) => `sliced-${i}`);
    for (const id of ids) await atlas.submit(id, validDeclaration(id), JSON.stringify(validDeclaration(id)));
    const law = new LawInForce(policy.jurisdictions);
    const lawDate = '2001-01-01';
    // Every provider's remembered table is under today's law, so each is scored again for 2001.
    expect(atlas.allLatest().every((l) => law.columnsKey(l.summary.lawDate) !== law.columnsKey(lawDate))).toBe(true);

    // A slice of 0 ms: a turn of the event loop after every provider scored.
    const rankings = new RankingCache(atlas, policy, 0);
    let done = false;
    let turns = 0;
    const tick = () => {
      turns++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    const model = { jurisdictions: [], categories: [] };
    const [first, second] = await Promise.all([rankings.rank(model, 'worst-case', lawDate), rankings.rank(model, 'worst-case', lawDate)]);
    done = true;
    expect(first).toBe(second); // computed once, shared
    expect(first.ranked.map((r) => r.latest.meta.providerId).sort()).toEqual(ids);
    expect(turns).toBeGreaterThanOrEqual(ids.length);
  });
});
