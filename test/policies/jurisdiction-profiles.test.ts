import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import type { JurisdictionProfile } from '../../src/formats/types.generated.js';
import { projectRoot } from '../../src/paths.js';
import { factsOf, jurisdictionIssues, PRIMARY_KINDS } from '../../src/policies/jurisdiction-rules.js';
import { jurisdictionsDir, loadJurisdictions } from '../../src/policies/load-jurisdictions.js';

const registry = loadSchemaRegistry();
const profiles = loadJurisdictions(registry);
const by = new Map(profiles.map((p) => [p.code as string, p]));
/** Reviewed again, fact by fact, against the outside legal review of 2026-12-07 (issue 20). */
const REVIEWED_AGAIN = ['AE', 'AU', 'AZ', 'BR', 'BY', 'CA', 'CH', 'CN', 'CO', 'DE', 'EG', 'ES', 'ET', 'EU', 'FR', 'GB', 'HK', 'HU', 'ID', 'IE', 'IL', 'IN', 'IR', 'IT', 'JP', 'KE', 'KR', 'KZ', 'LU', 'MM', 'MX', 'NG', 'NL', 'PH', 'PK', 'PL', 'RU', 'SA', 'SE', 'SG', 'TH', 'TR', 'US', 'VN', 'ZA'];
const REVIEWED = ['US', 'GB', 'EU', 'DE', 'FR', 'NL', 'LU', 'IE', 'SE', 'CH', 'CN', 'RU', 'IN', 'BR', 'AU', 'CA', 'JP', 'KR', 'TR', 'AE'];

function profile(code: string): JurisdictionProfile {
  const p = by.get(code);
  if (!p) throw new Error(`no profile ${code}`);
  return p;
}

describe('every shipped profile', () => {
  test('validates against the schema and the rules, sorted by code, covering the reviewed set', () => {
    const validate = registry.validator('jurisdiction');
    for (const p of profiles) {
      expect(validate(p)).toBe(true);
      expect(jurisdictionIssues(p, p.code)).toEqual([]);
    }
    expect(profiles.map((p) => p.code)).toEqual(expect.arrayContaining(REVIEWED));
    expect(profiles.map((p) => p.code)).toEqual([...profiles.map((p) => p.code)].sort());
  });

  test('has at least one fact and every fact is dated and cites a primary text (documented practice: its reports instead)', () => {
    for (const p of profiles) {
      const facts = factsOf(p);
      expect(facts.length).toBeGreaterThan(0);
      for (const { fact } of facts) {
        expect(fact.inForce.from).toBeDefined();
        if (fact.legalBasis !== 'documented-practice') expect(fact.sources.some((s) => PRIMARY_KINDS.has(s.kind))).toBe(true);
      }
    }
  });

  test('records an access date only for a verified citation, and always for one', () => {
    for (const p of profiles)
      for (const { fact } of factsOf(p))
        for (const s of fact.sources) {
          expect(s.accessed !== undefined).toBe(s.verified);
          if (!s.verified) expect(s.readFrom).toBeUndefined();
        }
  });

  test('the profiles reviewed again against the outside review carry its date, the other reviewed ones that of 2026-12-02', () => {
    for (const code of REVIEWED_AGAIN) expect(profile(code).reviewed).toBe('2026-12-07');
    for (const code of REVIEWED.filter((c) => !REVIEWED_AGAIN.includes(c))) expect(profile(code).reviewed).toBe('2026-12-02');
  });
});

describe('the landmarks of the review are recorded', () => {
  test('DE: the TKG retention duty held inapplicable from 14 August 2023', () => {
    const retention = profile('DE').retentionMandates;
    expect(retention.length).toBeGreaterThan(0);
    for (const m of retention) expect(m.inForce).toMatchObject({ until: '2023-08-14', ended: 'held-inapplicable' });
  });

  test('EU: the Data Retention Directive ended on 8 April 2014; GB left on 1 February 2020', () => {
    const eu = profile('EU');
    expect(eu.retentionMandates.find((m) => m.id === 'data-retention-directive')?.inForce).toMatchObject({ until: '2014-04-08', ended: 'struck-down' });
    expect(eu.memberStates?.members.find((m) => m.code === 'GB')?.until).toBe('2020-02-01');
    expect(eu.instruments.some((i) => i.kind === 'preservation' && i.inForce.from === '2026-08-18')).toBe(true);
  });

  test('RU: metadata retention of 3 years for telecom operators and 1 year for organisers of information dissemination', () => {
    const scopes = profile('RU').retentionMandates.filter((m) => (m.categories as string[]).includes('connection-logs')).map((m) => [m.scope, m.duration]);
    expect(scopes).toEqual(expect.arrayContaining([['telecom-operators', 'P3Y'], ['online-services', 'P1Y']]));
    expect(profile('RU').instruments.some((i) => i.id === 'landing-law-236-fz')).toBe(true);
  });

  test('IN: CERT-In logs for 180 days from every provider, subscriber records for 5 years from infrastructure providers', () => {
    const cert = profile('IN').retentionMandates.filter((m) => m.id.startsWith('cert-in')).map((m) => [m.scope, m.duration]);
    expect(cert).toEqual(expect.arrayContaining([['all-providers', 'P180D'], ['infrastructure-providers', 'P5Y']]));
    expect(profile('IN').instruments.find((i) => i.id === 'it-rules-4-2-traceability')?.weakensEncryption).toBe(true);
  });

  test('GB: the technical capability notice is technical assistance that weakens encryption', () => {
    const tcn = profile('GB').instruments.find((i) => i.id === 'ipa-technical-capability-notice');
    expect(tcn).toMatchObject({ kind: 'technical-assistance', weakensEncryption: true });
  });

  test('the UK–US Data Access Agreement is in both GB and US, in force from 3 October 2022; AU–US from 31 January 2024', () => {
    const ukUs = (code: string, partner: string) => profile(code).agreements?.find((a) => a.partners.includes(partner as never) && a.kind === 'cloud-act-agreement');
    expect(ukUs('GB', 'US')?.inForce.from).toBe('2022-10-03');
    expect(ukUs('US', 'GB')?.inForce.from).toBe('2022-10-03');
    expect(ukUs('AU', 'US')?.inForce.from).toBe('2024-01-31');
    expect(ukUs('US', 'AU')?.inForce.from).toBe('2024-01-31');
  });

  test('US: 2703(c)(2) subpoenas reach call metadata and 2703(f) preserves for up to 180 days', () => {
    const us = profile('US').instruments;
    expect(us.find((i) => i.id === 'sca-2703c2-subpoena')?.categories).toContain('call-metadata');
    expect(us.find((i) => i.id === 'sca-2703f-preservation')).toMatchObject({ kind: 'preservation', preserves: 'P180D' });
  });

  test.each(['TR', 'AE'])('%s: an in-force instrument reaches stored data', (code) => {
    const stored = profile(code).instruments.filter((i) => i.reaches !== 'live' && i.kind !== 'technical-assistance' && i.kind !== 'preservation' && i.inForce.until === undefined);
    expect(stored.length).toBeGreaterThan(0);
  });
});

describe('rule errors for bad profiles', () => {
  const base = (): JurisdictionProfile => JSON.parse(readFileSync(path.join(jurisdictionsDir, 'GB.json'), 'utf8'));
  const cases: [string, (p: JurisdictionProfile) => void, string, string][] = [
    ['an access date on an unverified citation', (p) => Object.assign(p.instruments[0].sources[0], { verified: false, accessed: '2026-12-02' }), '/instruments/0/sources/0/accessed', 'accessedOnlyVerified'],
    ['a read-from on an unverified citation', (p) => Object.assign(p.instruments[0].sources[0], { verified: false, readFrom: 'live' }), '/instruments/0/sources/0/readFrom', 'accessedOnlyVerified'],
    ['a named copy on an unverified citation', (p) => Object.assign(p.instruments[0].sources[0], { verified: false, accessed: undefined, readFrom: undefined, readAt: 'a mirror' }), '/instruments/0/sources/0/readAt', 'accessedOnlyVerified'],
    ['a verified citation of a home page', (p) => Object.assign(p.instruments[0].sources[0], { url: 'https://www.legislation.gov.uk/', verified: true, accessed: '2026-12-07' }), '/instruments/0/sources/0/url', 'verifiedDeepLink'],
    ['a verified citation of a home page with a bare host', (p) => Object.assign(p.instruments[0].sources[0], { url: 'https://www.legislation.gov.uk', verified: true, accessed: '2026-12-07' }), '/instruments/0/sources/0/url', 'verifiedDeepLink'],
    ['verified commentary', (p) => Object.assign(p.instruments[0].sources[0], { kind: 'secondary', verified: true, accessed: '2026-12-07' }), '/instruments/0/sources/0/kind', 'verifiedNotCommentary'],
    ['a verified citation without an access date', (p) => Object.assign(p.instruments[0].sources[0], { verified: true, accessed: undefined }), '/instruments/0/sources/0/accessed', 'verifiedNeedsAccessed'],
    ['a fact citing only commentary', (p) => { p.retentionMandates[0].sources = [{ url: 'https://example.org/a', title: 'A blog', kind: 'secondary', verified: false }]; }, '/retentionMandates/0/sources', 'primarySource'],
    ['a duplicate agreement id', (p) => { p.agreements = [p.agreements![0], p.agreements![0]]; }, '/agreements/1/id', 'uniqueId'],
    ['a duplicate instrument id', (p) => { p.instruments[1].id = p.instruments[0].id; }, '/instruments/1/id', 'uniqueId'],
    ['an end date before the start date', (p) => { p.instruments[0].inForce = { from: '2020-01-01', until: '2019-12-31', ended: 'repealed' }; }, '/instruments/0/inForce/until', 'untilAfterFrom'],
    ['an end year before the start year', (p) => { p.retentionMandates[0].inForce = { from: 2016, until: 2015, ended: 'repealed' }; }, '/retentionMandates/0/inForce/until', 'untilAfterFrom'],
    ['an end year before a start date', (p) => { p.retentionMandates[0].inForce = { from: '2016-05-01', until: 2015 }; }, '/retentionMandates/0/inForce/until', 'untilAfterFrom'],
    ['a duplicate member', (p) => { p.memberStates = { members: [{ code: 'FR', from: '1958-01-01' }, { code: 'FR', from: '1958-01-01' }], sources: p.instruments[0].sources }; }, '/memberStates/members/1/code', 'uniqueMember'],
    ['a membership ending before it starts', (p) => { p.memberStates = { members: [{ code: 'FR', from: '1958-01-01', until: '1957-01-01' }], sources: p.instruments[0].sources }; }, '/memberStates/members/0/until', 'untilAfterFrom'],
    ['a union listing itself', (p) => { p.memberStates = { members: [{ code: 'GB', from: '1973-01-01' }], sources: p.instruments[0].sources }; }, '/memberStates/members', 'memberOfItself'],
    ['a code differing from the file name', (p) => { p.code = 'US'; }, '/code', 'fileName'],
  ];

  test('the GB profile itself has no issue', () => {
    expect(jurisdictionIssues(base(), 'GB')).toEqual([]);
  });

  test.each(cases)('%s', (_name, spoil, pointer, keyword) => {
    const p = base();
    spoil(p);
    expect(jurisdictionIssues(p, 'GB')).toContainEqual({ pointer, keyword, message: expect.any(String) });
  });

  test('a verified deep link (a path, or a query on the root) is not reported as a home page', () => {
    const p = base();
    Object.assign(p.instruments[0].sources[0], { url: 'https://hudoc.echr.coe.int/eng?i=001-159324', verified: true, accessed: '2026-12-07' });
    Object.assign(p.instruments[1].sources[0], { url: 'https://www.legislation.gov.uk/ukpga/2016/25/section/253', verified: true, accessed: '2026-12-07' });
    const keys = jurisdictionIssues(p, 'GB').map((i) => i.keyword);
    expect(keys).not.toContain('verifiedDeepLink');
  });

  test('unknown and equal dates are not reported as ending early', () => {
    const p = base();
    p.instruments[0].inForce = { from: 'unknown', until: '2000-01-01' };
    p.instruments[1].inForce = { from: '2020-01-01', until: 'unknown' };
    p.instruments[2].inForce = { from: 2020, until: '2020-06-01' };
    expect(jurisdictionIssues(p, 'GB')).toEqual([]);
  });
});

describe('docs/jurisdictions.md', () => {
  test('is current (the generator in check mode exits 0)', () => {
    expect(() => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/jurisdictions-doc.ts', '--check'], { cwd: projectRoot, stdio: 'pipe' })).not.toThrow();
  });
});
