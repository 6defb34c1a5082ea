import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { findingsOf } from '../../src/findings/find-issues.js';
import { contentCategoryIds } from '../../src/findings/content-categories.js';
import { semanticIssues } from '../../src/formats/semantic-rules.js';
import type { Declaration, JurisdictionProfile, ModelParameters } from '../../src/formats/types.generated.js';
import { contradictions } from '../../src/scoring/feasibility.js';
import { computeExposure } from '../../src/scoring/index.js';
import { completeDeclaration } from './complete-declaration.js';
import { declarationArb } from './declaration-arbitrary.js';
import { clone, jurisdictions, params } from './scoring-fixture.js';

/**
 * Model 3: P13 feasible completions, P15 worldwide rows, P7 sharpened, P16(a) the law's
 * dominance. Declarations here are written the way the trial that found the model-2 defects
 * wrote them (a silent provider modelled on Skype in 2013), or generated.
 */
const LAW_DATE = '2013-01-31';
const run = (d: Declaration, p: ModelParameters = params, profiles: readonly JurisdictionProfile[] = jurisdictions, lawDate = LAW_DATE) => computeExposure(d, profiles, p, { lawDate });
const cellsOf = (d: Declaration, p?: ModelParameters) => new Map(run(d, p).cells.map((c) => [`${c.category}/${c.jurisdiction}`, c]));
const bounds = (d: Declaration, p?: ModelParameters) => [...cellsOf(d, p)].map(([k, c]) => `${k} ${c.established} ${c.worstCase}`);
const withoutConstraints = (...ids: string[]): ModelParameters => ({ ...params, feasibility: { ...params.feasibility, constraints: params.feasibility.constraints.filter((c) => !ids.includes(c.id)) as ModelParameters['feasibility']['constraints'] } });
const findings = (d: Declaration) => findingsOf(d, undefined, jurisdictions, contentCategoryIds(params), params.categories.map((c) => c.category), params);

/** Silent about protection and places: who it is, where it is based, what it runs, what it collects and, for account data, how long it keeps it. */
const silent: Declaration = {
  format: 'retention-declaration/1',
  provider: { id: 'skype-like', name: 'Skype-like', headquarters: 'LU', establishments: ['US', 'DE'], services: ['voice', 'video', 'messaging'] },
  asOf: '2013-01-31',
  dataCategories: [
    { category: 'subscriber-info', collected: 'yes', retention: { kind: 'fixed', duration: 'P1Y' } },
    { category: 'payment-data', collected: 'yes', retention: { kind: 'fixed', duration: 'P1Y' } },
    { category: 'message-content', collected: 'yes' },
    { category: 'call-content', collected: 'yes' },
  ],
} as Declaration;

describe('P13 completions are feasible', () => {
  test('a silent service shows established exposure for the subscriber data it must read wherever a power reaches it', () => {
    const with3 = cellsOf(silent);
    const without = cellsOf(silent, withoutConstraints('identity-and-billing-readable'));
    const us = with3.get('subscriber-info/US')!;
    expect(without.get('subscriber-info/US')!.established).toBe(0);
    expect(us.established).toBeGreaterThan(0);
    expect(us.unknowns.map((u) => u.pointer)).not.toContain('/dataCategories/0/protection');
    // Never above the worst case, and the worst case is the one model 2 had (the constraint only narrows).
    for (const [k, c] of with3) {
      expect(c.established).toBeGreaterThanOrEqual(without.get(k)!.established);
      expect(c.worstCase).toBeLessThanOrEqual(without.get(k)!.worstCase);
    }
    // Present by establishments (US, DE): there a power in force reaches it.
    expect(with3.get('subscriber-info/DE')!.established).toBeGreaterThan(0);
    expect(with3.get('payment-data/US')!.established).toBeGreaterThan(0);
  });

  test('"supported" live interception moves established for the content of the services it runs', () => {
    const supported = clone(silent);
    supported.legalProcess = { liveInterception: 'supported' };
    const undisclosed = clone(silent);
    undisclosed.legalProcess = { liveInterception: 'undisclosed' };
    const a = cellsOf(supported);
    const b = cellsOf(undisclosed);
    const moved = [...a].filter(([k, c]) => k.startsWith('call-content/') && c.established > b.get(k)!.established);
    expect(moved.length).toBeGreaterThan(0);
    for (const [k, c] of a) expect(c.established).toBeGreaterThanOrEqual(b.get(k)!.established);
  });

  test('a reported content disclosure moves established for the content category it names, and worldwide rows count as any row', () => {
    // Kept a month: stored content the provider could read is what a disclosure shows.
    const kept = clone(silent);
    kept.dataCategories[2].retention = { kind: 'fixed', duration: 'P30D' };
    const disclosed = clone(kept);
    disclosed.governmentRequests = [{ period: { start: '2012-01-01', end: '2012-12-31' }, country: '001', process: 'all', requests: 4713, accounts: 15409, outcomes: { contentDisclosed: 5, nonContentOnly: 3000, noDataFound: 1000, rejected: 708 }, categoriesRequested: ['message-content'] }];
    const before = cellsOf(kept);
    const after = cellsOf(disclosed);
    const moved = [...after].filter(([k, c]) => k.startsWith('message-content/') && c.established > before.get(k)!.established);
    expect(moved.length).toBeGreaterThan(0);
  });

  test('a declared end-to-end answer that contradicts a constraint is scored as readable and reported naming both answers (the TOM-Skype pattern)', () => {
    const claims = clone(silent);
    claims.dataCategories[0].protection = { atRest: 'end-to-end', inTransit: 'end-to-end' };
    claims.dataCategories[3].protection = { atRest: 'end-to-end', inTransit: 'end-to-end' };
    claims.legalProcess = { liveInterception: 'supported' };
    const found = findings(claims).filter((f) => f.rule === 'infeasible-answer');
    expect(found.map((f) => f.pointers)).toEqual(
      expect.arrayContaining([
        ['/dataCategories/0/collected', '/dataCategories/0/protection/atRest'],
        ['/dataCategories/0/collected', '/dataCategories/0/protection/inTransit'],
        ['/dataCategories/3/protection/inTransit', '/legalProcess/liveInterception'],
      ]),
    );
    // Scored at the constraint's reading: as if the end-to-end answers were silent, and never lower.
    const silenced = clone(claims);
    delete silenced.dataCategories[0].protection;
    delete silenced.dataCategories[3].protection!.inTransit;
    const a = cellsOf(claims);
    for (const [k, c] of cellsOf(silenced)) expect(a.get(k)!.established).toBeGreaterThanOrEqual(c.established);
    expect(a.get('subscriber-info/US')!.established).toBeGreaterThan(0);
  });

  test('a feasible honest completion of a partial declaration lies inside its range', () => {
    let checked = 0;
    fc.assert(
      fc.property(declarationArb, fc.nat(), (partial, seed) => {
        const range = new Map(computeExposure(partial, jurisdictions, params, { lawDate: '2026-12-02' }).cells.map((c) => [`${c.category}/${c.jurisdiction}`, c]));
        for (let k = 0; k < 6; k++) {
          const full = completeDeclaration(partial, seed + k);
          if (contradictions(full, params).length > 0 || semanticIssues(full).length > 0) continue;
          checked++;
          for (const c of computeExposure(full, jurisdictions, params, { lawDate: '2026-12-02' }).cells) {
            const r = range.get(`${c.category}/${c.jurisdiction}`)!;
            if (c.established < r.established - 0.1 - 1e-9 || c.worstCase > r.worstCase + 0.1 + 1e-9) throw new Error(`${c.category}/${c.jurisdiction}: [${c.established}, ${c.worstCase}] outside [${r.established}, ${r.worstCase}]`);
          }
        }
      }),
      { numRuns: 8, seed: 13, endOnFailure: true },
    );
    expect(checked).toBeGreaterThan(0);
  });
});

describe('P15 worldwide rows are silent about countries', () => {
  const worldwide = (d: Declaration): Declaration => ({ ...clone(d), governmentRequests: [{ period: { start: '2012-01-01', end: '2012-12-31' }, country: '001', process: 'all', requests: 4713, accounts: 15409, percentDisclosed: 81 }] });

  test('a declaration whose only rows are worldwide has the bounds of one that gives no figures, and one warning at /governmentRequests', () => {
    const none = clone(silent);
    expect(bounds(worldwide(silent))).toEqual(bounds(none));
    const unanswered = findings(worldwide(silent)).filter((f) => f.rule === 'unanswered-question' && f.pointers.some((p) => p.startsWith('/governmentRequests')));
    expect(unanswered).toHaveLength(1);
    expect(unanswered[0].pointers).toEqual(['/governmentRequests']);
  });

  test('a country with its own row for the period keeps its share; a country without one gets an open share, never "no requests"', () => {
    const d = worldwide(silent);
    d.governmentRequests!.push({ period: { start: '2012-01-01', end: '2012-12-31' }, country: 'US', process: 'all', requests: 1000, percentDisclosed: 90 });
    const withUs = cellsOf(d);
    const present = clone(silent);
    present.governmentRequests = [{ period: { start: '2012-01-01', end: '2012-12-31' }, country: 'US', process: 'all', requests: 1000, percentDisclosed: 90 }];
    const usOnly = cellsOf(present);
    expect(withUs.get('subscriber-info/US')!.established).toBe(usOnly.get('subscriber-info/US')!.established);
    // DE (an establishment): no row of its own, a worldwide row over the period: open (as with no figures), not full compliance.
    expect(withUs.get('subscriber-info/DE')!.established).toBeLessThan(usOnly.get('subscriber-info/DE')!.established);
    expect(withUs.get('subscriber-info/DE')!.established).toBe(cellsOf(silent).get('subscriber-info/DE')!.established);
  });
});

describe('P7 sharpened: no gaming by splitting', () => {
  const carrier = (rows: NonNullable<Declaration['governmentRequests']>): Declaration => ({ ...clone(silent), provider: { ...silent.provider, headquarters: 'DE', establishments: ['DE'] }, governmentRequests: rows });
  const all = { period: { start: '2012-01-01', end: '2012-12-31' }, country: 'DE' as const, process: 'all' as const, requests: 49806, percentDisclosed: 97 };

  test('a small refused part reported beside its all row changes no bound', () => {
    const part = { period: all.period, country: 'DE' as const, process: 'emergency-request' as const, requests: 10, percentDisclosed: 0 };
    expect(bounds(carrier([all, part]))).toEqual(bounds(carrier([all])));
  });

  test('process rows without an all row weigh by requests: a tiny refused part barely moves the share', () => {
    const big = { period: all.period, country: 'DE' as const, process: 'court-order' as const, requests: 49796, percentDisclosed: 97 };
    const small = { period: all.period, country: 'DE' as const, process: 'emergency-request' as const, requests: 10, percentDisclosed: 0 };
    const split = cellsOf(carrier([big, small])).get('subscriber-info/DE')!;
    const whole = cellsOf(carrier([{ ...all, percentDisclosed: 96.98 }])).get('subscriber-info/DE')!;
    expect(Math.abs(split.established - whole.established)).toBeLessThanOrEqual(0.1);
  });

  test('a process row that does not fit inside its all row is refused (a semantic rule: 422)', () => {
    const tooMany = { period: all.period, country: 'DE' as const, process: 'court-order' as const, requests: 60000 };
    const tooManyDisclosed = { period: all.period, country: 'DE' as const, process: 'court-order' as const, requests: 49806, percentDisclosed: 100 };
    expect(semanticIssues(carrier([all, tooMany])).map((i) => `${i.pointer} ${i.keyword}`)).toEqual(['/governmentRequests/1/requests partExceedsAll']);
    expect(semanticIssues(carrier([{ ...all, percentDisclosed: 50 }, tooManyDisclosed])).map((i) => `${i.pointer} ${i.keyword}`)).toEqual(['/governmentRequests/1 partExceedsAll']);
    expect(semanticIssues(carrier([all, { ...tooMany, requests: 100, percentDisclosed: 100 }]))).toEqual([]);
  });
});

describe('P16(a) the model: a law that dominates never gives lower bounds', () => {
  const official = [{ url: 'https://example.org/act', title: 'Act', kind: 'official', verified: false }] as JurisdictionProfile['instruments'][number]['sources'];
  const KINDS = ['warrant', 'court-order', 'subpoena', 'administrative-request', 'national-security-letter', 'programmatic-bulk', 'direct-access'] as const;
  const ROUTES = ['court-before', 'court-after', 'commission', 'prosecutor', 'executive', 'none'] as const;
  const CATS = ['subscriber-info', 'message-content', 'call-content', 'location'] as const;
  const profileOf = (kind: number, route: number, cats: number, retention: number, mandate: number): JurisdictionProfile => ({
    code: 'ZZ' as never, name: 'Law', reviewed: '2026-12-01',
    instruments: [{ id: 'power', name: 'Power', kind: KINDS[kind], reaches: 'both', authorisation: [ROUTES[route]], gagOrder: false, categories: CATS.slice(0, cats + 1) as never, extraterritorial: false, inForce: { from: '2000-01-01' }, sources: official }],
    retentionMandates: retention === 0 ? [] : [{ id: 'keep', name: 'Keep', categories: [...CATS], duration: ['P30D', 'P6M', 'P2Y'][retention - 1], scope: 'all-providers', inForce: { from: '2000-01-01' }, sources: official } as never],
    localisation: [],
    interceptionMandates: mandate === 0 ? [] : [{ id: 'li', name: 'LI', kind: (['technical-assistance', 'capability', 'direct-access'] as const)[mandate - 1], appliesTo: 'all-providers', categories: [...CATS], inForce: { from: '2000-01-01' }, sources: official }],
    coverage: { gaps: [] },
  });
  const readable: Declaration = {
    format: 'retention-declaration/1',
    provider: { id: 'readable', name: 'Readable', headquarters: 'ZZ' as never, establishments: [], services: ['messaging'] },
    asOf: '2026-06-01',
    dataCategories: CATS.map((category) => ({ category, collected: 'yes', retention: { kind: 'fixed', duration: 'P7D' }, storageLocations: ['ZZ'], protection: { inTransit: 'transport', atRest: 'provider-managed' }, interception: [] })) as never,
    thirdParties: [],
    legalProcess: { liveInterception: 'supported', encryptionDemands: 'comply', interceptionStatutes: [], policies: [] },
    governmentRequests: [],
  } as Declaration;
  const level = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }));

  test('raising the kind, the route, the categories reached, the retention floor or the interception duty never lowers a bound of a readable category', () => {
    fc.assert(
      fc.property(level, level, (a, b) => {
        const lower = a.map((x, i) => Math.min(x, b[i])) as typeof a;
        const upper = a.map((x, i) => Math.max(x, b[i])) as typeof a;
        const lo = run(readable, params, [profileOf(...lower)], '2026-12-01').cells;
        const hi = new Map(run(readable, params, [profileOf(...upper)], '2026-12-01').cells.map((c) => [c.category, c]));
        for (const c of lo) {
          if (!(CATS as readonly string[]).includes(c.category)) continue;
          const d = hi.get(c.category)!;
          if (d.established < c.established || d.worstCase < c.worstCase) throw new Error(`${c.category}: ${JSON.stringify(upper)} gives [${d.established}, ${d.worstCase}] below ${JSON.stringify(lower)} [${c.established}, ${c.worstCase}]`);
        }
      }),
      { numRuns: 60, seed: 16, endOnFailure: true },
    );
  });
});
