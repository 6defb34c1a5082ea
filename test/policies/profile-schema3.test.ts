import { describe, expect, test } from '@jest/globals';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import type { JurisdictionProfile } from '../../src/formats/types.generated.js';
import { inForceOn } from '../../src/law/in-force.js';
import { mandateDuration, reaches, routeBounds } from '../../src/law/partial-knowledge.js';
import { jurisdictionIssues } from '../../src/policies/jurisdiction-rules.js';

/** Profile schema 3: how a profile records a fact known in part, and the rules the loader applies to it. */
const registry = loadSchemaRegistry();
const validate = registry.validator('jurisdiction');
const official = [{ url: 'https://example.org/act', title: 'Act', kind: 'official', verified: false }];
const base = (): JurisdictionProfile =>
  ({
    code: 'DE',
    name: 'Test',
    reviewed: '2026-12-01',
    instruments: [{ id: 'order', name: 'Order', kind: 'court-order', reaches: 'stored', authorisation: ['court-before'], gagOrder: false, categories: ['subscriber-info'], extraterritorial: false, inForce: { from: '2010-01-01' }, sources: official }],
    retentionMandates: [],
    localisation: [],
    interceptionMandates: [],
    coverage: { gaps: [] },
  }) as unknown as JurisdictionProfile;
const valid = (p: unknown) => validate(p) && jurisdictionIssues(p as JurisdictionProfile, 'DE').length === 0;
const issues = (p: JurisdictionProfile) => jurisdictionIssues(p, 'DE').map((i) => `${i.pointer} ${i.keyword}`);

describe('profile schema 3: partial knowledge', () => {
  test('accepts every partial form law-data fixes', () => {
    const p = base();
    Object.assign(p.instruments[0], { kind: { atLeast: 'administrative-request' }, categories: { atLeast: ['subscriber-info'] }, authorisation: ['court-before', 'not-court', 'unknown'], inForce: { from: { noLaterThan: '2005' }, until: { noEarlierThan: '2027-01' } } });
    p.interceptionMandates.push({ id: 'sorm', name: 'SORM', kind: { atLeast: 'capability' }, appliesTo: 'telecom-operators', categories: 'all', inForce: { from: { noLaterThan: '2010-03-01' } }, sources: official } as never);
    p.retentionMandates.push({ id: 'art-668', name: 'Art. 668', categories: ['subscriber-info', 'message-content'], durations: [{ categories: ['subscriber-info'], duration: 'P6M' }, { categories: ['message-content'], duration: 'P15D' }], scope: 'all-providers', inForce: { from: 2010 }, sources: official } as never);
    expect(validate(p)).toBe(true);
    expect(issues(p)).toEqual([]);
  });

  test('refuses what the schema does not allow: atLeast of a kind that is not an access kind, judicialReview, duration and durations at once, a bad partial date', () => {
    expect(validate(base())).toBe(true);
    const notAccess = base();
    Object.assign(notAccess.instruments[0], { kind: { atLeast: 'technical-assistance' } });
    expect(validate(notAccess)).toBe(false);
    const old = base() as unknown as { instruments: Record<string, unknown>[] };
    old.instruments[0].judicialReview = true;
    delete old.instruments[0].authorisation;
    expect(validate(old)).toBe(false);
    const both = base();
    const one = base();
    one.retentionMandates.push({ id: 'retain', name: 'R', categories: ['subscriber-info'], duration: 'P1Y', scope: 'all-providers', inForce: { from: 2010 }, sources: official } as never);
    expect(validate(one)).toBe(true);
    both.retentionMandates.push({ id: 'retain', name: 'R', categories: ['subscriber-info', 'message-content'], duration: 'P1Y', durations: [{ categories: ['subscriber-info'], duration: 'P6M' }, { categories: ['message-content'], duration: 'P15D' }], scope: 'all-providers', inForce: { from: 2010 }, sources: official } as never);
    expect(validate(both)).toBe(false);
    const date = base();
    Object.assign(date.instruments[0], { inForce: { from: { noLaterThan: '2005-13' } } });
    expect(validate(date)).toBe(false);
  });

  test('a documented practice needs two independent sources of practice (different sites), and no official text', () => {
    const p = base();
    const practice = (sources: unknown[]) => Object.assign(p.instruments[0], { legalBasis: 'documented-practice', sources });
    practice([{ url: 'https://citizenlab.ca/2023/01/report', title: 'Report', kind: 'report', verified: false }, { url: 'https://hudoc.echr.coe.int/eng?i=001-159324', title: 'Zakharov v. Russia', kind: 'court-finding', verified: false }]);
    expect(valid(p)).toBe(true);
    practice([{ url: 'https://citizenlab.ca/2023/01/report', title: 'Report', kind: 'report', verified: false }, { url: 'https://www.citizenlab.ca/2023/02/other', title: 'Another', kind: 'report', verified: false }]);
    expect(issues(p)).toEqual(['/instruments/0/sources documentedPractice']);
    practice([{ url: 'https://citizenlab.ca/2023/01/report', title: 'Report', kind: 'report', verified: false }, { url: 'https://example.org/act', title: 'Act', kind: 'official', verified: false }]);
    expect(issues(p)).toEqual(['/instruments/0/sources documentedPractice']);
    // Without the basis, reports alone are not a primary text.
    Object.assign(p.instruments[0], { legalBasis: 'statute', sources: [{ url: 'https://citizenlab.ca/a', title: 'A', kind: 'report', verified: false }] });
    expect(issues(p)).toEqual(['/instruments/0/sources primarySource']);
  });

  test('per-category periods name each category of the mandate once', () => {
    const p = base();
    p.retentionMandates.push({ id: 'retain', name: 'R', categories: ['subscriber-info', 'message-content', 'connection-logs'], durations: [{ categories: ['subscriber-info', 'location'], duration: 'P6M' }, { categories: ['message-content', 'subscriber-info'], duration: 'P15D' }], scope: 'all-providers', inForce: { from: 2010 }, sources: official } as never);
    expect(validate(p)).toBe(true);
    expect(issues(p)).toEqual([
      '/retentionMandates/0/durations/0/categories/1 durationCategory',
      '/retentionMandates/0/durations/1/categories/1 uniqueCategory',
      '/retentionMandates/0/durations durationCategory',
    ]);
  });
});

describe('reading partial knowledge', () => {
  test('categories: a list and "all" answer; atLeast answers yes for what it lists and leaves the rest open', () => {
    expect(reaches('all', 'location')).toBe('yes');
    expect(reaches(['location'], 'location')).toBe('yes');
    expect(reaches(['location'], 'call-content')).toBe('no');
    expect(reaches({ atLeast: ['location'] }, 'location')).toBe('yes');
    expect(reaches({ atLeast: ['location'] }, 'call-content')).toBe('unknown');
    expect(reaches('unknown', 'location')).toBe('unknown');
  });

  test('dates: noLaterThan settles the start from the last day of its period on; noEarlierThan settles the end before the first day of its period', () => {
    expect(inForceOn({ from: { noLaterThan: '2016' } }, '2016-12-30')).toBe('unknown');
    expect(inForceOn({ from: { noLaterThan: '2016' } }, '2016-12-31')).toBe('yes');
    expect(inForceOn({ from: { noLaterThan: '2016-02' } }, '2016-02-29')).toBe('yes');
    expect(inForceOn({ from: { noLaterThan: '2016-02' } }, '2016-02-28')).toBe('unknown');
    expect(inForceOn({ from: 2000, until: { noEarlierThan: '2027-01' } }, '2026-12-31')).toBe('yes');
    expect(inForceOn({ from: 2000, until: { noEarlierThan: '2027-01' } }, '2027-01-01')).toBe('unknown');
    expect(inForceOn({ from: { noLaterThan: '2030' } }, '2026-01-01')).toBe('unknown');
  });

  test('authorisation: the most exposing known route drives both bounds; not-court is commission to none; unknown widens the top to none', () => {
    expect(routeBounds(['court-before'])).toEqual({ lo: 'court-before', hi: 'court-before' });
    expect(routeBounds(['court-before', 'executive'])).toEqual({ lo: 'executive', hi: 'executive' });
    expect(routeBounds(['not-court'])).toEqual({ lo: 'commission', hi: 'none' });
    expect(routeBounds(['unknown'])).toEqual({ lo: 'court-before', hi: 'none' });
    expect(routeBounds(['prosecutor', 'unknown'])).toEqual({ lo: 'prosecutor', hi: 'none' });
    expect(routeBounds(['executive', 'not-court'])).toEqual({ lo: 'executive', hi: 'none' });
  });

  test('retention periods per category: the group that names it, else not known', () => {
    const m = { categories: 'all', durations: [{ categories: ['subscriber-info'], duration: 'P6M' }, { categories: ['message-content'], duration: 'P15D' }] } as unknown as JurisdictionProfile['retentionMandates'][number];
    expect(mandateDuration(m, 'subscriber-info')).toBe('P6M');
    expect(mandateDuration(m, 'message-content')).toBe('P15D');
    expect(mandateDuration(m, 'location')).toBe('unknown');
  });
});
