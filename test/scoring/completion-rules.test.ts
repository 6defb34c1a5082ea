import { describe, expect, test } from '@jest/globals';
import type { Declaration } from '../../src/formats/types.generated.js';
import { rowShare } from '../../src/scoring/compliance-share.js';
import { computeExposure } from '../../src/scoring/index.js';
import { clone, jurisdictions, params } from './scoring-fixture.js';

/**
 * The completion rules of docs/methodology.md §4 that an analyst found missing or loose: each
 * bound of an unanswered question is an answer a provider could actually give.
 */
const LAW_DATE = '2026-12-07';
const cell = (d: Declaration, category: string, code: string) => computeExposure(d, jurisdictions, params, { lawDate: LAW_DATE }).cells.find((c) => c.category === category && c.jurisdiction === code)!;

/** A CN-hosted provider that answers everything but its policies. */
function cnHosted(): Declaration {
  return {
    format: 'retention-declaration/1',
    provider: { id: 'cn-hosted', name: 'CN hosted', headquarters: 'CN', establishments: ['CN'], services: ['messaging'] },
    asOf: '2026-06-30',
    dataCategories: [{ category: 'subscriber-info', collected: 'yes', retention: { kind: 'fixed', duration: 'P1Y' }, storageLocations: ['CN'], protection: { inTransit: 'transport', atRest: 'provider-managed' }, interception: [] }],
    thirdParties: [],
    legalProcess: { liveInterception: 'not-supported', encryptionDemands: 'refuse-or-withdraw', interceptionStatutes: [], policies: [] },
    governmentRequests: [],
  };
}

describe('completion rules', () => {
  test('a policy that leaves out requiresJudicialReview lies between insisting on a judge and not insisting, and says so', () => {
    const processes = Object.keys(params.providerPosture.processKinds) as NonNullable<NonNullable<Declaration['legalProcess']>['policies']>[number]['process'][];
    let narrowed = 0;
    for (const code of ['CN', 'US', 'RU', 'IN', 'TR', 'BR', 'GB'] as const) {
      const hosted = (review: boolean | undefined) => {
        const d = cnHosted();
        d.provider.headquarters = code;
        d.provider.establishments = [code];
        d.dataCategories[0].storageLocations = [code];
        d.legalProcess!.policies = processes.map((process) => ({ process, jurisdiction: code, categories: ['subscriber-info'], userNotification: 'always', ...(review === undefined ? {} : { requiresJudicialReview: review }) }));
        return d;
      };
      const [a, b, s] = [cell(hosted(true), 'subscriber-info', code), cell(hosted(false), 'subscriber-info', code), cell(hosted(undefined), 'subscriber-info', code)];
      expect([code, s.established]).toEqual([code, Math.min(a.established, b.established)]);
      expect([code, s.worstCase]).toEqual([code, Math.max(a.worstCase, b.worstCase)]);
      if (a.established < b.established) {
        narrowed++;
        expect(s.unknowns.some((u) => u.side === 'declaration' && /^\/legalProcess\/policies\/\d+\/requiresJudicialReview$/.test(u.pointer))).toBe(true);
      }
    }
    // Where insisting on a judge matters at all, leaving the answer out must not read as "does not insist".
    expect(narrowed).toBeGreaterThan(0);
  });

  test('without a list of policies, the low end is exactly what the most protective list a provider could declare gives', () => {
    // Every process, every category, notify always, insist on a judge: the best a provider can say.
    const processes = Object.keys(params.providerPosture.processKinds) as NonNullable<NonNullable<Declaration['legalProcess']>['policies']>[number]['process'][];
    for (const code of ['CN', 'DE', 'US', 'RU', 'GB'] as const) {
      const best = cnHosted();
      best.provider.headquarters = code;
      best.provider.establishments = [code];
      best.dataCategories[0].storageLocations = [code];
      best.legalProcess!.policies = processes.map((process) => ({ process, jurisdiction: code, categories: ['subscriber-info'], userNotification: 'always', requiresJudicialReview: true }));
      const missing = clone(best);
      delete missing.legalProcess!.policies;
      const none = clone(best);
      none.legalProcess!.policies = [];
      const [b, m, n] = [cell(best, 'subscriber-info', code), cell(missing, 'subscriber-info', code), cell(none, 'subscriber-info', code)];
      expect([code, m.established]).toEqual([code, b.established]);
      expect([code, m.worstCase]).toEqual([code, n.worstCase]);
    }
  });

  test('partial outcome counts bound the share (§3.3): 60 of 100 requests answered with non-content data is at least 59.5%', () => {
    const row = { period: { start: '2025-01-01', end: '2025-12-31' }, country: 'DE', process: 'all', requests: 100 } as NonNullable<Declaration['governmentRequests']>[number];
    expect(rowShare({ ...row, outcomes: { nonContentOnly: 60 } })).toEqual({ lo: 0.595, hi: 1 });
    expect(rowShare({ ...row, outcomes: { rejected: 30 } })).toEqual({ lo: 0, hi: 0.705 });
    expect(rowShare({ ...row, outcomes: { nonContentOnly: 60, rejected: 30 } })).toEqual({ lo: 0.595, hi: 0.705 });
    // A complete pair fixes the share: the other requests produced no data.
    const exact = rowShare({ ...row, outcomes: { contentDisclosed: 10, nonContentOnly: 50 } });
    expect([exact.lo, exact.hi].map((x) => Math.round(x * 1000) / 1000)).toEqual([0.595, 0.605]);
    expect(rowShare({ ...row })).toEqual({ lo: 0, hi: 1 });
  });
});
