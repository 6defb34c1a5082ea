import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { Declaration } from '../../src/formats/types.generated.js';
import { computeExposure } from '../../src/scoring/index.js';
import { completeDeclaration } from './complete-declaration.js';
import { declarationArb } from './declaration-arbitrary.js';
import { clone, jurisdictions, params } from './scoring-fixture.js';
import { silenceMutations } from './silence-mutations.js';

/**
 * The range of a partial declaration must contain the exposure of every honest completion of it
 * (soundness), and silencing answers must only widen it. Generators here know the format, not
 * the model.
 */
const RUNS = { numRuns: 10, seed: Number(process.env.FC_SEED ?? 7), endOnFailure: true };
const LAW_DATE = '2026-12-02';
const cells = (d: Declaration) => new Map(computeExposure(d, jurisdictions, params, { lawDate: LAW_DATE }).cells.map((c) => [`${c.category}/${c.jurisdiction}`, c]));
const EPS = 0.1 + 1e-9; // both bounds are rounded to one decimal

describe('honest completions', () => {
  test('every random completion of a partial declaration lies inside its range', () => {
    fc.assert(
      fc.property(declarationArb, fc.array(fc.nat(), { minLength: 2, maxLength: 2 }), (partial, seeds) => {
        const range = cells(partial);
        for (const seed of seeds) {
          for (const [k, c] of cells(completeDeclaration(partial, seed))) {
            const r = range.get(k)!;
            if (c.established < r.established - EPS || c.worstCase > r.worstCase + EPS) throw new Error(`${k}: completion [${c.established}, ${c.worstCase}] outside [${r.established}, ${r.worstCase}] (seed ${seed})`);
          }
        }
      }),
      RUNS,
    );
  });

  test('silencing several answers at random only widens every range', () => {
    fc.assert(
      fc.property(declarationArb, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (d, picks) => {
        const mutations = silenceMutations(d);
        if (mutations.length === 0) return;
        const silent = clone(d);
        for (const p of picks) mutations[p % mutations.length].apply(silent);
        const before = cells(d);
        for (const [k, c] of cells(silent)) {
          const b = before.get(k)!;
          if (c.established > b.established + 1e-9 || c.worstCase < b.worstCase - 1e-9) throw new Error(`${k}: [${b.established}, ${b.worstCase}] → [${c.established}, ${c.worstCase}]`);
        }
      }),
      RUNS,
    );
  });
});
