import { describe, expect, test } from '@jest/globals';
import type { Declaration, JurisdictionProfile } from '../../src/formats/types.generated.js';
import { computeExposure } from '../../src/scoring/index.js';
import { inForceOn } from '../../src/law/in-force.js';
import { reaches } from '../../src/law/partial-knowledge.js';
import { jurisdictions, params } from './scoring-fixture.js';

/**
 * Every shipped profile makes a provider present there, with readable stored data, reachable:
 * established > 0 where a power to demand it is recorded, and a wide range (an unknown about
 * the profile) where it is not. Silence in our own law data is never safety (P11).
 */
const LAW_DATE = '2026-12-02';
const presentIn = (code: string): Declaration => ({
  format: 'retention-declaration/1',
  provider: { id: 'present-provider', name: 'Present provider', headquarters: code as never, establishments: [code as never], services: ['messaging'] },
  asOf: '2026-06-30',
  dataCategories: [
    { category: 'subscriber-info', collected: 'yes', retention: { kind: 'indefinite' }, storageLocations: [code as never], protection: { inTransit: 'transport', atRest: 'provider-managed' }, interception: [] },
  ],
  thirdParties: [],
  legalProcess: { liveInterception: 'not-supported', encryptionDemands: 'refuse-or-withdraw', interceptionStatutes: [], policies: [] },
  governmentRequests: [],
});

/** Member states are present in the union; the union itself is tested through one of them. */
const placeFor = (p: JurisdictionProfile) => (p.memberStates ? p.memberStates.members.find((m) => m.until === undefined)!.code : p.code);

describe('every shipped profile reaches a provider present there', () => {
  test('at least 71 profiles: every state with more than about ten million internet users, and the EU', () => {
    expect(jurisdictions.length).toBeGreaterThanOrEqual(71);
  });

  test.each(jurisdictions.map((p) => [p.code, p] as const))('%s: stored subscriber data of a present provider is reachable', (code, profile) => {
    const cell = computeExposure(presentIn(placeFor(profile)), [profile], params, { lawDate: LAW_DATE }).cells.find((c) => c.category === 'subscriber-info' && c.jurisdiction === code)!;
    expect(cell.worstCase).toBeGreaterThan(0);
    const compelled = cell.pathways.find((p) => p.pathway === 'compelled-provider');
    // A power recorded in force (on a known date) that demands stored subscriber data: established.
    const recorded = profile.instruments.some(
      (i) =>
        (typeof i.kind === 'object' || !['technical-assistance', 'preservation', 'unknown'].includes(i.kind)) &&
        i.reaches !== 'live' &&
        reaches(i.categories, 'subscriber-info') === 'yes' &&
        inForceOn(i.inForce, LAW_DATE) === 'yes',
    );
    if (recorded) expect(compelled!.established).toBeGreaterThan(0);
    else expect(cell.unknowns.some((u) => u.side === 'jurisdiction')).toBe(true);
  });
});
