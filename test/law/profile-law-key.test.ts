import { describe, expect, test } from '@jest/globals';
import type { Declaration, JurisdictionProfile } from '../../src/formats/types.generated.js';
import { profileLawKey } from '../../src/law/profile-law-key.js';
import { computeExposure } from '../../src/scoring/index.js';
import { lawView } from '../../src/scoring/law-view.js';
import { params } from '../scoring/scoring-fixture.js';

/**
 * The law epoch of a profile: dates on which the same facts are in force share a key (and a law
 * view); a date on which a fact enters force starts a new one; and a matrix on any date of an
 * epoch reads the law of that date, not of the date that first built the shared view.
 */
const official = [{ url: 'https://example.org/act', title: 'Act', kind: 'official', verified: false }] as JurisdictionProfile['instruments'][number]['sources'];
type Inst = JurisdictionProfile['instruments'][number];
const order: Inst = { id: 'order', name: 'Order', kind: 'administrative-request', reaches: 'both', authorisation: ['executive'], gagOrder: false, categories: ['message-content'], extraterritorial: false, inForce: { from: '2020-03-01', until: '2024-01-01' }, sources: official };
const later: Inst = { ...order, id: 'later', inForce: { from: 2025 } };
const profile: JurisdictionProfile = { code: 'ZZ' as never, name: 'Epochland', reviewed: '2026-12-01', instruments: [order, later], retentionMandates: [], localisation: [], interceptionMandates: [], coverage: { gaps: [] } };

describe('profileLawKey', () => {
  test('equal on dates with the same facts in force, different when a fact enters, leaves or becomes uncertain', () => {
    expect(profileLawKey(profile, '2021-01-01')).toBe(profileLawKey(profile, '2023-12-31'));
    expect(profileLawKey(profile, '2020-02-29')).not.toBe(profileLawKey(profile, '2020-03-01'));
    expect(profileLawKey(profile, '2023-12-31')).not.toBe(profileLawKey(profile, '2024-01-01'));
    // `from: 2025` is not known within 2025, known from 2026 on.
    const keys = ['2024-06-01', '2025-06-01', '2026-06-01'].map((d) => profileLawKey(profile, d));
    expect(new Set(keys).size).toBe(3);
    expect(profileLawKey(profile, '2021-01-01')).toMatch(/^ZZ:/);
  });

  test('one law view serves every date of an epoch', () => {
    expect(lawView(profile, '2021-01-01')).toBe(lawView(profile, '2023-06-30'));
    expect(lawView(profile, '2021-01-01')).not.toBe(lawView(profile, '2024-06-30'));
  });

  test('a matrix on a date of a shared epoch equals the matrix of that date computed alone', () => {
    const decl: Declaration = {
      format: 'retention-declaration/1',
      provider: { id: 'epochs', name: 'Epochs', headquarters: 'ZZ' as never, establishments: [], services: ['messaging'] },
      asOf: '2026-06-01',
      dataCategories: params.categories.map((c) => (c.category === 'message-content' ? { category: c.category, collected: 'yes', retention: { kind: 'fixed', duration: 'P1Y' }, storageLocations: ['EU'], protection: { inTransit: 'transport', atRest: 'provider-managed' }, interception: [] } : { category: c.category, collected: 'no' })) as Declaration['dataCategories'],
      thirdParties: [],
      legalProcess: { liveInterception: 'supported', encryptionDemands: 'comply', interceptionStatutes: [], policies: [] },
      governmentRequests: [],
    } as unknown as Declaration;
    const fresh = (): JurisdictionProfile => structuredClone(profile);
    const alone = computeExposure(decl, [fresh()], params, { lawDate: '2023-06-30', explain: 'full' });
    const shared = fresh();
    computeExposure(decl, [shared], params, { lawDate: '2021-01-01', explain: 'full' });
    const after = computeExposure(decl, [shared], params, { lawDate: '2023-06-30', explain: 'full' });
    expect(JSON.stringify(after)).toBe(JSON.stringify(alone));
    const off = computeExposure(decl, [shared], params, { lawDate: '2024-06-30', explain: 'full' });
    expect(off.cells.find((c) => c.category === 'message-content')!.worstCase).toBeLessThan(after.cells.find((c) => c.category === 'message-content')!.worstCase);
  });
});
