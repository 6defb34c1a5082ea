import { describe, expect, test } from '@jest/globals';
import type { Declaration } from '../../src/formats/types.generated.js';
import { checkDeclaration } from '../../src/formats/validate-declaration.js';
import { summarizeExposure } from '../../src/scoring/index.js';
import { exposure, params, registry } from './scoring-fixture.js';

/** Hand-written cases whose expected ordering a person can check without running the model. */
const base = (over: Partial<Declaration>): Declaration => ({
  format: 'retention-declaration/1',
  provider: { id: 'case', name: 'Case', headquarters: 'CH', establishments: ['CH'], services: ['messaging'] },
  asOf: '2025-01-01',
  dataCategories: [{ category: 'message-content', collected: 'yes' }],
  thirdParties: [],
  ...over,
});
const cell = (d: Declaration, category: string, jurisdiction: string) => {
  const c = exposure(d).cells.find((x) => x.category === category && x.jurisdiction === jurisdiction);
  if (!c) throw new Error(`no cell ${category}|${jurisdiction}`);
  return c;
};

const messenger = base({
  provider: { id: 'tom-like', name: 'Messenger with a Chinese licensee', headquarters: 'LU', establishments: ['LU'], services: ['messaging'] },
  dataCategories: [
    {
      category: 'message-content', collected: 'yes', retention: { kind: 'fixed', duration: 'P30D' }, storageLocations: ['LU'],
      protection: { inTransit: 'transport', atRest: 'provider-managed' }, interception: [{ party: 'network-operator', capability: 'none' }],
    },
  ],
  thirdParties: [
    { id: 'cn-licensee', name: 'Local licensee', relationship: 'licensee', jurisdiction: 'CN', categories: ['message-content'], capabilities: ['keyword-filtering', 'content-retention'] },
  ],
});

const e2e = base({
  provider: { id: 'e2e', name: 'End-to-end messenger', headquarters: 'US', establishments: ['US'], services: ['messaging'] },
  dataCategories: [
    {
      category: 'message-content', collected: 'yes', retention: { kind: 'none' }, storageLocations: ['US'],
      protection: { inTransit: 'end-to-end', atRest: 'end-to-end' }, interception: [{ party: 'network-operator', capability: 'none' }],
    },
  ],
  legalProcess: { liveInterception: 'not-supported' },
});

const carrier = base({
  provider: { id: 'carrier', name: 'Mobile carrier', headquarters: 'DE', establishments: ['DE'], services: ['voice', 'sms', 'mobile-data'] },
  dataCategories: [
    {
      category: 'call-content', collected: 'yes', retention: { kind: 'none' }, storageLocations: ['DE'],
      protection: { inTransit: 'none', atRest: 'provider-managed' }, interception: [{ party: 'provider', capability: 'observe' }],
    },
  ],
  legalProcess: { liveInterception: 'supported', interceptionStatutes: [{ statute: 'TKG 170', jurisdiction: 'DE', position: 'subject' }] },
});

describe('hand-written cases', () => {
  test.each([['licensee', messenger], ['e2e', e2e], ['carrier', carrier]])('%s case is a valid declaration', (_, d) => {
    expect(checkDeclaration(registry, d, { today: '2026-11-26' }).valid).toBe(true);
  });

  test('a licensee with keyword filtering in CN makes CN message content exposure high', () => {
    const cn = cell(messenger, 'message-content', 'CN');
    expect(cn.score).toBeGreaterThanOrEqual(70);
    expect(cn.grade).toBe('F');
    const tp = cn.pathways.find((p) => p.pathway === 'third-party');
    expect(tp?.facts.declaration).toContain('/thirdParties/0');
    // Without the licensee, what CN is established to reach of a Luxembourg provider's content falls by more than half.
    const without = { ...messenger, thirdParties: [] };
    expect(cell(without, 'message-content', 'CN').established).toBeLessThan(cn.established / 2);
    // And the licensee makes CN the worst jurisdiction for this provider by what is established
    // (worst cases elsewhere may be as high where the law data leaves facts open).
    const established = [...exposure(messenger).cells].sort((a, b) => b.established - a.established);
    expect(established[0]).toMatchObject({ category: 'message-content', jurisdiction: 'CN' });
    expect(summarizeExposure(exposure(messenger), params).overall.worstCase).toBeGreaterThanOrEqual(cn.worstCase);
  });

  test("an end-to-end messenger's message content is low everywhere", () => {
    const cells = exposure(e2e).cells.filter((c) => c.category === 'message-content');
    expect(cells.length).toBeGreaterThanOrEqual(20);
    // What is established stays low everywhere; where law data or the provider's answers leave
    // questions open (encryption powers of unknown reach, say), the worst case says so.
    for (const c of cells) {
      expect(c.established).toBeLessThan(10);
      expect(c.establishedGrade).toBe('A');
      if (c.worstCase > c.established) expect(c.unknowns.length).toBeGreaterThan(0);
    }
  });

  test('a carrier with live interception scores high on call content at home', () => {
    const home = cell(carrier, 'call-content', 'DE');
    expect(home.score).toBeGreaterThanOrEqual(70);
    expect(home.pathways.map((p) => p.pathway)).toEqual(expect.arrayContaining(['compelled-provider', 'interception-in-transit']));
    // Abroad, where nothing ties the carrier to the law, only transit remains: lower than at home.
    expect(cell(carrier, 'call-content', 'JP').score).toBeLessThan(home.score);
  });

  test('the same carrier scores lower when it cannot intercept and its calls are end-to-end', () => {
    const safer: Declaration = structuredClone(carrier);
    safer.dataCategories[0].protection = { inTransit: 'end-to-end', atRest: 'end-to-end' };
    safer.legalProcess!.liveInterception = 'not-supported';
    expect(cell(safer, 'call-content', 'DE').score).toBeLessThan(cell(carrier, 'call-content', 'DE').score);
  });
});
