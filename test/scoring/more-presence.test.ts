import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { Declaration, Jurisdiction } from '../../src/formats/types.generated.js';
import { computeExposure } from '../../src/scoring/index.js';
import { declarationArb } from './declaration-arbitrary.js';
import { clone, jurisdictions, params } from './scoring-fixture.js';

/**
 * P6 for presence: adding an establishment in J, or a storage location in J for one category,
 * is more access, so it never lowers either bound of any cell — in J, and nowhere else (a union
 * J is a member of, an agreement's partner state). Over generated declarations and every shipped
 * profile. The base keeps its lists present (an unanswered list replaced by an answered one):
 * answering a list is P4's business; adding to a present list is this one's.
 */
const RUNS = { numRuns: 16, seed: Number(process.env.FC_SEED ?? 20261207), endOnFailure: true };
const LAW_DATE = '2026-12-07';
const codes = jurisdictions.map((j) => j.code as Jurisdiction);
const cells = (d: Declaration) => new Map(computeExposure(d, jurisdictions, params, { lawDate: LAW_DATE }).cells.map((c) => [`${c.category}/${c.jurisdiction}`, c]));

/** Every cell whose bound fell from `before` to `after`. */
function fallen(before: ReturnType<typeof cells>, after: ReturnType<typeof cells>): string[] {
  const out: string[] = [];
  for (const [k, c] of after) {
    const b = before.get(k)!;
    if (c.established < b.established - 1e-9 || c.worstCase < b.worstCase - 1e-9) out.push(`${k}: [${b.established}, ${b.worstCase}] → [${c.established}, ${c.worstCase}]`);
  }
  return out;
}

/** The declaration with its establishments and every storage list answered (unanswered ones become []). */
function answeredPlaces(d: Declaration): Declaration {
  const x = clone(d);
  if (!Array.isArray(x.provider.establishments)) x.provider.establishments = [];
  for (const e of x.dataCategories) if (!Array.isArray(e.storageLocations)) e.storageLocations = [];
  return x;
}

describe('P6: more presence never lowers a bound', () => {
  test('adding an establishment in J never lowers either bound of any cell (every profile as J)', () => {
    fc.assert(
      fc.property(declarationArb, fc.constantFrom(...codes), (d, code) => {
        const base = answeredPlaces(d);
        const more = clone(base);
        const list = more.provider.establishments as Jurisdiction[];
        if (!list.includes(code)) list.push(code);
        expect(fallen(cells(base), cells(more))).toEqual([]);
      }),
      RUNS,
    );
  });

  test('adding a storage location in J for one category never lowers either bound of any cell (every profile as J)', () => {
    fc.assert(
      fc.property(declarationArb, fc.constantFrom(...codes), fc.nat(), (d, code, pick) => {
        const base = answeredPlaces(d);
        const more = clone(base);
        const entry = more.dataCategories[pick % more.dataCategories.length];
        if (entry.collected === 'no') return;
        const list = entry.storageLocations as Jurisdiction[];
        if (!list.includes(code)) list.push(code);
        expect(fallen(cells(base), cells(more))).toEqual([]);
      }),
      RUNS,
    );
  });

  test('every shipped profile, one by one: a silent-on-storage provider gains an establishment there and no bound of that profile falls', () => {
    // The analyst's case: stored data of a provider whose presence was only possible must not
    // be scored with an invented order the profile does not contain (P11), so answering the
    // presence can only narrow the range from below.
    const base: Declaration = {
      format: 'retention-declaration/1',
      provider: { id: 'possibly-present', name: 'Possibly present', headquarters: 'undisclosed', establishments: [], services: ['messaging'] },
      asOf: '2026-01-01',
      dataCategories: params.categories.map((c) => ({ category: c.category, collected: 'yes', retention: { kind: 'fixed', duration: 'P1Y' }, protection: { inTransit: 'transport', atRest: 'provider-managed' }, interception: [] })) as unknown as Declaration['dataCategories'],
      thirdParties: [],
      legalProcess: { liveInterception: 'not-supported', encryptionDemands: 'refuse-or-withdraw', interceptionStatutes: [], policies: [] },
      governmentRequests: [],
    };
    const before = cells(base);
    const failures: string[] = [];
    for (const code of codes) {
      const more = clone(base);
      more.provider.establishments = [code];
      failures.push(...fallen(before, cells(more)).filter((k) => k.split(':')[0].endsWith(`/${code}`)));
    }
    expect(failures).toEqual([]);
  });
});
