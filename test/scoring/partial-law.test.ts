import { describe, expect, test } from '@jest/globals';
import type { Declaration, JurisdictionProfile } from '../../src/formats/types.generated.js';
import { computeExposure } from '../../src/scoring/index.js';
import { params } from './scoring-fixture.js';

/**
 * P14 partial knowledge counts: a legal fact known in part contributes its known part to
 * `established`, and every full reading of it (each honest completion of the profile) lies
 * inside the partial range. The provider is a readable messenger with everything answered,
 * so the only width comes from the profile.
 */
const LAW_DATE = '2026-12-01';
const official = [{ url: 'https://example.org/act', title: 'Act', kind: 'official', verified: false }] as JurisdictionProfile['instruments'][number]['sources'];
type Inst = JurisdictionProfile['instruments'][number];

const known: Inst = { id: 'order', name: 'Order', kind: 'administrative-request', reaches: 'both', authorisation: ['executive'], gagOrder: false, categories: ['message-content'], extraterritorial: false, inForce: { from: '2010-01-01' }, sources: official };
const profile = (inst: Partial<Inst>): JurisdictionProfile => ({
  code: 'ZZ' as never, name: 'Partland', reviewed: '2026-12-01',
  instruments: [{ ...known, ...inst } as Inst],
  retentionMandates: [], localisation: [], interceptionMandates: [], coverage: { gaps: [] },
});

const declaration: Declaration = {
  format: 'retention-declaration/1',
  provider: { id: 'readable', name: 'Readable', headquarters: 'ZZ' as never, establishments: [], services: ['messaging'] },
  asOf: '2026-06-01',
  dataCategories: params.categories.map((c) => (c.category === 'message-content' ? { category: c.category, collected: 'yes', retention: { kind: 'fixed', duration: 'P1Y' }, storageLocations: ['ZZ'], protection: { inTransit: 'transport', atRest: 'provider-managed' }, interception: [] } : { category: c.category, collected: 'no' })) as Declaration['dataCategories'],
  thirdParties: [],
  legalProcess: { liveInterception: 'supported', encryptionDemands: 'comply', interceptionStatutes: [], policies: [] },
  governmentRequests: [],
} as Declaration;

const cell = (p: JurisdictionProfile) => computeExposure(declaration, [p], params, { lawDate: LAW_DATE }).cells.find((c) => c.category === 'message-content')!;

/** Each partial form, the form that knows nothing, and the full readings it admits. */
const cases: { name: string; partial: Partial<Inst>; nothing: Partial<Inst>; completions: Partial<Inst>[]; wide: boolean }[] = [
  { name: 'categories { atLeast }', partial: { categories: { atLeast: ['message-content'] } }, nothing: { categories: 'unknown' }, completions: [{ categories: ['message-content'] }, { categories: 'all' }], wide: false },
  { name: 'kind { atLeast }', partial: { kind: { atLeast: 'administrative-request' } }, nothing: { kind: 'unknown' }, completions: [{ kind: 'administrative-request' }, { kind: 'national-security-letter' }, { kind: 'programmatic-bulk' }, { kind: 'direct-access' }], wide: true },
  { name: 'inForce.from { noLaterThan }', partial: { inForce: { from: { noLaterThan: '2016' } } }, nothing: { inForce: { from: 'unknown' } }, completions: [{ inForce: { from: '1999-05-01' } }, { inForce: { from: 2016 } }, { inForce: { from: '2016-12-31' } }], wide: false },
  { name: 'inForce.until { noEarlierThan }', partial: { inForce: { from: '2010-01-01', until: { noEarlierThan: '2027' } } }, nothing: { inForce: { from: '2010-01-01', until: 'unknown' } }, completions: [{ inForce: { from: '2010-01-01', until: '2027-01-01' } }, { inForce: { from: '2010-01-01' } }], wide: false },
  { name: 'authorisation [prosecutor, unknown]', partial: { authorisation: ['prosecutor', 'unknown'] }, nothing: { authorisation: ['unknown'] }, completions: [{ authorisation: ['prosecutor'] }, { authorisation: ['prosecutor', 'executive'] }, { authorisation: ['none'] }], wide: true },
  { name: 'authorisation [not-court]', partial: { authorisation: ['not-court'] }, nothing: { authorisation: ['unknown'] }, completions: [{ authorisation: ['commission'] }, { authorisation: ['prosecutor'] }, { authorisation: ['executive'] }, { authorisation: ['none'] }], wide: true },
];

describe('P14 partial knowledge counts', () => {
  test.each(cases)('$name: the known part raises established above knowing nothing, and every full reading lies inside the range', ({ partial, nothing, completions, wide }) => {
    const part = cell(profile(partial));
    const none = cell(profile(nothing));
    expect(part.established).toBeGreaterThan(none.established);
    expect(part.worstCase).toBeLessThanOrEqual(none.worstCase);
    // Where the part known settles the cell (the category listed, a date past its bound), nothing is left open.
    expect(part.worstCase > part.established).toBe(wide);
    expect(part.unknowns.some((u) => u.side === 'jurisdiction' && u.pointer.startsWith('/instruments/0'))).toBe(wide);
    for (const c of completions) {
      const full = cell(profile(c));
      expect(full.established).toBeGreaterThanOrEqual(part.established);
      expect(full.worstCase).toBeLessThanOrEqual(part.worstCase);
    }
  });

  test('a fully known fact has no width of its own (P10)', () => {
    const c = cell(profile({}));
    expect(c.established).toBe(c.worstCase);
    expect(c.established).toBeGreaterThan(0);
  });

  test('kind { atLeast: direct-access } is known exactly: the top of the order', () => {
    const top = cell(profile({ kind: { atLeast: 'direct-access' } }));
    const exact = cell(profile({ kind: 'direct-access' }));
    expect([top.established, top.worstCase, top.unknowns]).toEqual([exact.established, exact.worstCase, exact.unknowns]);
  });

  test('retention durations per category group: each category takes its own period', () => {
    // Stored data only: a stored-data power, a provider that cannot intercept and keeps nothing itself, so the mandate's period is the window.
    const held = { ...declaration, legalProcess: { ...declaration.legalProcess, liveInterception: 'not-supported' }, dataCategories: declaration.dataCategories.map((e) => (e.category === 'message-content' ? { ...e, retention: { kind: 'none' } } : e)) } as Declaration;
    const withMandate = (durations: { categories: string[]; duration: string }[]) =>
      computeExposure(held, [{ ...profile({ reaches: 'stored' }), retentionMandates: [{ id: 'art-668', name: 'Keep', categories: ['message-content', 'subscriber-info'], durations, scope: 'all-providers', inForce: { from: '2010-01-01' }, sources: official } as never] }], params, { lawDate: LAW_DATE }).cells.find((c) => c.category === 'message-content')!;
    const short = withMandate([{ categories: ['subscriber-info'], duration: 'P6M' }, { categories: ['message-content'], duration: 'P15D' }]);
    const long = withMandate([{ categories: ['subscriber-info'], duration: 'P15D' }, { categories: ['message-content'], duration: 'P6M' }]);
    expect(short.established).toBe(short.worstCase);
    expect(long.established).toBeGreaterThan(short.established);
  });
});
