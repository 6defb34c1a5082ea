import { describe, expect, test } from '@jest/globals';
import type { JurisdictionProfile } from '../../src/formats/types.generated.js';
import { inForceOn } from '../../src/law/in-force.js';
import { factsOf } from '../../src/policies/jurisdiction-rules.js';
import { loadJurisdictions } from '../../src/policies/load-jurisdictions.js';

/**
 * Law data 4 (issue 21): the 26 profiles added toward every state with more than about ten
 * million internet users, most exposed first. Each must record a power over stored data with
 * what is known of its categories, carry this review's date, keep its verified citations to
 * texts actually read (never a site's home page), and rest documented practice on two
 * independent reports; the EU members among them are reached by EU law through the EU profile.
 */
const NEW = ['BD', 'DZ', 'IQ', 'UZ', 'VE', 'SD', 'KH', 'CM', 'UG', 'TZ', 'MA', 'MY', 'LK', 'NP', 'EC', 'CD', 'CI', 'GH', 'PE', 'AR', 'CL', 'UA', 'RO', 'TW', 'BE', 'EE'];
const EU_MEMBERS = ['RO', 'BE', 'EE'];
const REVIEW = '2026-12-07';
const NOT_ACCESS = ['technical-assistance', 'preservation', 'key-disclosure', 'unknown'];
const PRACTICE_KINDS = ['report', 'court-finding', 'regulator'];

const profiles = loadJurisdictions();
const byCode = new Map(profiles.map((p) => [p.code as string, p]));
const profile = (code: string): JurisdictionProfile => {
  const p = byCode.get(code);
  if (!p) throw new Error(`no profile ${code}`);
  return p;
};

/** A fact's categories are known at least in part: a list, "all" or `{ atLeast: [...] }`, never "unknown". */
const categoriesKnown = (categories: unknown): boolean =>
  Array.isArray(categories) ? categories.length > 0 : categories === 'all' || (typeof categories === 'object' && categories !== null && Array.isArray((categories as { atLeast?: unknown }).atLeast));

const kindName = (kind: unknown): string => (typeof kind === 'object' && kind !== null ? String((kind as { atLeast: string }).atLeast) : String(kind));

describe('law data 4: the 26 new profiles', () => {
  test('all 26 are shipped, beside the 45 of the earlier reviews', () => {
    expect(profiles.map((p) => p.code)).toEqual(expect.arrayContaining(NEW));
    expect(profiles.length).toBeGreaterThanOrEqual(71);
  });

  test.each(NEW)('%s carries the date of this review', (code) => {
    expect(profile(code).reviewed).toBe(REVIEW);
  });

  test.each(NEW)('%s records a power over stored data in force now, with what is known of its categories', (code) => {
    const powers = profile(code).instruments.filter(
      (i) => i.reaches !== 'live' && !NOT_ACCESS.includes(kindName(i.kind)) && inForceOn(i.inForce as never, REVIEW) !== 'no' && categoriesKnown(i.categories),
    );
    expect(powers.map((i) => i.id)).not.toEqual([]);
  });

  test.each(NEW)('%s: no verified citation points at a home page, and a verified citation says when it was read', (code) => {
    for (const { fact } of factsOf(profile(code)))
      for (const s of fact.sources.filter((x) => x.verified)) {
        const url = new URL(s.url);
        expect(`${url.pathname}${url.search}`.replace(/\/$/, '')).not.toBe('');
        expect(s.accessed).toBe(REVIEW);
      }
  });

  test.each(NEW)('%s: documented practice rests on at least two reports, court findings or regulator documents from different sites', (code) => {
    for (const { fact } of factsOf(profile(code))) {
      if ((fact as { legalBasis?: string }).legalBasis !== 'documented-practice') continue;
      const hosts = new Set(fact.sources.filter((s) => PRACTICE_KINDS.includes(s.kind)).map((s) => new URL(s.url).hostname.replace(/^www\./, '')));
      expect(hosts.size).toBeGreaterThanOrEqual(2);
    }
  });

  test('Uzbekistan\'s SORM access is recorded as documented direct access, not left unknown', () => {
    const sorm = profile('UZ').instruments.find((i) => i.id === 'sorm-practice');
    expect(sorm).toMatchObject({ kind: 'direct-access', legalBasis: 'documented-practice' });
    expect(categoriesKnown(sorm?.categories)).toBe(true);
  });

  test('Bangladesh s. 97(Ka) and Nepal s. 19 interception are authorised by the executive, not a judge', () => {
    expect(profile('BD').instruments.find((i) => i.id === 'bta-97ka-interception')?.authorisation).toEqual(['executive']);
    expect(profile('NP').instruments.find((i) => i.id === 'telecom-act-s19-tapping')?.authorisation).toEqual(['executive']);
  });

  test('Chile: subscriber data and IP addresses without a judge, stored traffic data with one', () => {
    const cl = profile('CL').instruments;
    expect(cl.find((i) => i.id === 'cpp-218ter-subscriber')?.authorisation).toEqual(['prosecutor']);
    expect(cl.find((i) => i.id === 'cpp-218ter-traffic')?.authorisation).toEqual(['court-before']);
  });

  test('Romania\'s two retention laws are recorded as struck down, Argentina\'s ten-year law too', () => {
    const ro = profile('RO').retentionMandates;
    expect(ro.map((m) => m.inForce.ended)).toEqual(['struck-down', 'struck-down']);
    expect(ro.every((m) => inForceOn(m.inForce as never, REVIEW) === 'no')).toBe(true);
    expect(profile('AR').retentionMandates.find((m) => m.id === 'law-25873-ten-years')?.inForce).toMatchObject({ until: '2009-02-24', ended: 'struck-down' });
  });

  test.each(EU_MEMBERS)('%s is a current member of the EU profile, so EU instruments reach providers there', (code) => {
    const member = profile('EU').memberStates?.members.find((m) => m.code === code);
    expect(member).toBeDefined();
    expect(member?.until).toBeUndefined();
    expect(inForceOn(member as never, REVIEW)).toBe('yes');
  });
});
