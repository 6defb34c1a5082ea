import { describe, it } from '@jest/globals';
import { check, expectErrors, expectValid, setAt, validDeclaration, type Expected } from './declaration-fixtures.js';

const CATEGORIES = [
  'subscriber-info', 'payment-data', 'connection-logs', 'call-metadata', 'message-metadata', 'location', 'device-identifiers',
  'contact-list', 'usage-analytics', 'profile-content', 'message-content', 'call-content', 'stored-files',
];
const PROCESSES = [
  'search-warrant', 'court-order', 'subpoena', 'national-security-letter', 'fisa-order', 'wiretap-order', 'pen-register-order',
  'emergency-request', 'preservation-request', 'mlat-request', 'administrative-request', 'informal-request', 'other',
];

/** Every enum of the outline: each allowed value accepted, each listed wrong value rejected at that pointer. */
const ENUMS: { at: string; allowed: unknown[]; rejected: unknown[]; keyword?: string }[] = [
  { at: '/dataCategories/2/collected', allowed: ['yes', 'no', 'undisclosed'], rejected: ['Yes', 'maybe', '', true] },
  { at: '/dataCategories/2/category', allowed: ['location', 'stored-files', 'call-content'], rejected: ['ip-addresses', 'Location', 'message_content'] },
  { at: '/dataCategories/0/protection/inTransit', allowed: ['end-to-end', 'transport', 'none', 'undisclosed'], rejected: ['e2e', 'provider-managed', 'tls'] },
  { at: '/dataCategories/0/protection/atRest', allowed: ['end-to-end', 'provider-managed', 'none', 'undisclosed'], rejected: ['transport', 'encrypted'] },
  { at: '/dataCategories/0/interception/0/party', allowed: ['network-operator', 'provider', 'third-party', 'attacker'], rejected: ['government', 'isp'] },
  { at: '/dataCategories/0/interception/0/capability', allowed: ['observe', 'retain', 'none', 'undisclosed'], rejected: ['read', 'Observe'] },
  { at: '/thirdParties/0/relationship', allowed: ['licensee', 'processor', 'partner', 'affiliate'], rejected: ['vendor', 'subsidiary'] },
  {
    at: '/thirdParties/0/capabilities/0',
    allowed: ['keyword-filtering', 'content-retention', 'live-interception', 'censorship', 'bulk-access', 'undisclosed'],
    rejected: ['spying', 'filtering'],
  },
  { at: '/thirdParties/0/categories/0', allowed: ['subscriber-info', 'usage-analytics'], rejected: ['everything'] },
  { at: '/legalProcess/liveInterception', allowed: ['supported', 'not-supported', 'undisclosed'], rejected: ['yes', 'unsupported'] },
  { at: '/legalProcess/interceptionStatutes/0/position', allowed: ['subject', 'not-subject', 'undisclosed'], rejected: ['exempt', 'unknown'] },
  { at: '/legalProcess/policies/0/userNotification', allowed: ['always', 'unless-prohibited', 'never', 'undisclosed'], rejected: ['sometimes', 'Always'] },
  { at: '/legalProcess/policies/0/process', allowed: PROCESSES, rejected: ['all', 'warrant', 'nsl'] },
  { at: '/legalProcess/policies/0/categories/0', allowed: ['subscriber-info', 'call-metadata'], rejected: ['metadata'] },
  { at: '/governmentRequests/0/process', allowed: [...PROCESSES, 'all'], rejected: ['total', 'warrant', 'ALL'] },
  { at: '/governmentRequests/0/categoriesRequested/0', allowed: CATEGORIES, rejected: ['content'] },
  { at: '/format', allowed: ['retention-declaration/1'], rejected: ['retention-declaration/2', 'retention-declaration'], keyword: 'const' },
];

describe('enums: every allowed value is accepted', () => {
  const rows = ENUMS.flatMap(({ at, allowed }) => allowed.map((value) => ({ at, value })));
  it.each(rows)('$at = $value', ({ at, value }) => {
    expectValid(check(setAt(validDeclaration(), at, value)));
  });
});

describe('enums: other values are rejected at their pointer', () => {
  const rows = ENUMS.flatMap(({ at, rejected, keyword }) => rejected.map((value) => ({ at, value, keyword: keyword ?? 'enum' })));
  it.each(rows)('$at = $value', ({ at, value, keyword }) => {
    expectErrors(check(setAt(validDeclaration(), at, value)), [{ pointer: at, keyword }]);
  });
});

describe('"undisclosed" is an answer wherever the outline allows one', () => {
  it.each([
    ['/provider/headquarters'],
    ['/provider/establishments'],
    ['/dataCategories/0/storageLocations'],
    ['/dataCategories/0/collected'],
    ['/dataCategories/0/protection/inTransit'],
    ['/dataCategories/0/protection/atRest'],
    ['/dataCategories/0/interception/0/capability'],
    ['/thirdParties/0/jurisdiction'],
    ['/thirdParties/0/capabilities'],
    ['/legalProcess/liveInterception'],
    ['/legalProcess/interceptionStatutes/0/position'],
    ['/legalProcess/policies/0/userNotification'],
  ])('%s', (at) => {
    const doc = setAt(validDeclaration(), at, 'undisclosed');
    // subscriber-info is named by the third party and the policy; "undisclosed" is not "no", so no contradiction
    expectValid(check(doc));
  });

  it('retention {kind: "undisclosed"}', () => {
    expectValid(check(setAt(validDeclaration(), '/dataCategories/0/retention', { kind: 'undisclosed' })));
  });

  it('"undisclosed" as one item of a capabilities list', () => {
    expectValid(check(setAt(validDeclaration(), '/thirdParties/0/capabilities', ['censorship', 'undisclosed'])));
  });

  it.each([
    ['/governmentRequests/0/country'],
    ['/legalProcess/policies/0/jurisdiction'],
    ['/provider/establishments/0'],
  ])('is not a jurisdiction where a real one is needed: %s', (at) => {
    expectErrors(check(setAt(validDeclaration(), at, 'undisclosed')), [{ pointer: at, keyword: 'enum' }]);
  });

  it.each([
    ['/provider/establishments', 'US'],
    ['/dataCategories/0/storageLocations', 'US'],
    ['/thirdParties/0/capabilities', 'censorship'],
  ])('a list field %s given a bare string other than "undisclosed" is rejected', (at, value) => {
    expectErrors(check(setAt(validDeclaration(), at, value)), [{ pointer: at }]);
  });
});

describe('ISO 8601 durations', () => {
  const VALID = ['P1Y2M', 'PT72H', 'P2W', 'P30D', 'P18M', 'P2Y', 'P1DT12H', 'PT30M', 'PT45S', 'P1Y2M3DT4H5M6S', 'P0D'];
  const INVALID = ['P', 'PT', 'P14m', 'P72H', '1D', 'P1DT', 'p30d', 'P30 D', '30 days', 'P1H', 'PT1D', 'P-1D', ''];
  const SITES = ['/dataCategories/0/retention/duration', '/dataCategories/1/retention/after'];
  const withDuration = (at: string, value: string) => {
    const doc = validDeclaration();
    if (at.endsWith('/after')) setAt(doc, '/dataCategories/1/retention', { kind: 'until-event', event: 'account-deletion', after: value });
    else setAt(doc, at, value);
    return doc;
  };
  it.each(SITES.flatMap((at) => VALID.map((value) => ({ at, value }))))('$value is accepted at $at', ({ at, value }) => {
    expectValid(check(withDuration(at, value)));
  });
  it.each(SITES.flatMap((at) => INVALID.map((value) => ({ at, value }))))('$value is rejected at $at', ({ at, value }) => {
    expectErrors(check(withDuration(at, value)), [{ pointer: at, keyword: 'format' }]);
  });
});

describe('jurisdictions: ISO 3166-1 alpha-2 or EU', () => {
  const SITES = [
    '/provider/headquarters',
    '/provider/establishments/0',
    '/dataCategories/0/storageLocations/0',
    '/thirdParties/0/jurisdiction',
    '/legalProcess/interceptionStatutes/0/jurisdiction',
    '/legalProcess/policies/0/jurisdiction',
    '/governmentRequests/0/country',
  ];
  it.each(['US', 'EU', 'CN', 'LU', 'GB', 'CH'])('%s is accepted everywhere', (code) => {
    const doc = validDeclaration();
    for (const at of SITES) setAt(doc, at, code);
    // establishments/storage lists hold one other entry; avoid a duplicate
    setAt(doc, '/provider/establishments', [code]);
    setAt(doc, '/dataCategories/0/storageLocations', [code]);
    expectValid(check(doc));
  });
  const INVALID = ['XX', 'us', 'UK', 'EUR', 'USA', 'U', ''];
  it.each(SITES.flatMap((at) => INVALID.map((code) => ({ at, code }))))('$code is rejected at $at', ({ at, code }) => {
    expectErrors(check(setAt(validDeclaration(), at, code)), [{ pointer: at, keyword: 'enum' }]);
  });
});

describe('dates are real YYYY-MM-DD dates', () => {
  const SITES = ['/asOf', '/governmentRequests/0/period/start', '/governmentRequests/0/period/end', '/provider/sources/0/accessed'];
  it.each(['2024-02-29', '2023-12-31', '2000-01-01'])('%s is accepted', (date) => {
    const doc = validDeclaration();
    setAt(doc, '/asOf', date);
    setAt(doc, '/provider/sources/0/accessed', date);
    setAt(doc, '/governmentRequests/0/period', { start: date, end: date });
    expectValid(check(doc));
  });
  const INVALID = ['2023-02-30', '2023-1-01', '2023-02-29', '2023-13-01', '2023-00-10', '20230101', '01.02.2023', '2023/01/01', ''];
  it.each(SITES.flatMap((at) => INVALID.map((date) => ({ at, date }))))('$date is rejected at $at', ({ at, date }) => {
    expectErrors(check(setAt(validDeclaration(), at, date)), [{ pointer: at, keyword: 'format' }]);
  });
  it('a date-time is not a date', () => {
    const result = check(setAt(validDeclaration(), '/asOf', '2023-01-01T00:00:00Z'));
    expectErrors(result, [{ pointer: '/asOf', keyword: 'format' }]);
  });
});

describe('slugs: ^[a-z0-9][a-z0-9-]{1,62}$', () => {
  const SITES = ['/provider/id', '/thirdParties/0/id'];
  const VALID = ['ab', 'a1', '0day', 'acme-mail', 'a-', `a${'b'.repeat(62)}`];
  const INVALID = ['a', '-acme', 'Acme', 'acme_mail', 'acme.mail', 'ac me', 'acmé', `a${'b'.repeat(63)}`, ''];
  it.each(SITES.flatMap((at) => VALID.map((slug) => ({ at, slug }))))('$slug is accepted at $at', ({ at, slug }) => {
    expectValid(check(setAt(validDeclaration(), at, slug)));
  });
  it.each(SITES.flatMap((at) => INVALID.map((slug) => ({ at, slug }))))('$slug is rejected at $at', ({ at, slug }) => {
    expectErrors(check(setAt(validDeclaration(), at, slug)), [{ pointer: at, keyword: 'pattern' }]);
  });
});

describe('retention: each kind with its own fields', () => {
  const AT = '/dataCategories/0/retention';
  it.each([
    [{ kind: 'none' }],
    [{ kind: 'fixed', duration: 'P18M' }],
    [{ kind: 'until-event', event: 'account-deletion' }],
    [{ kind: 'until-event', event: 'purpose-fulfilled' }],
    [{ kind: 'until-event', event: 'legal-hold-ends' }],
    [{ kind: 'until-event', event: 'account-deletion', after: 'P30D' }],
    [{ kind: 'indefinite' }],
    [{ kind: 'undisclosed' }],
  ])('accepts %j', (retention) => {
    expectValid(check(setAt(validDeclaration(), AT, retention)));
  });

  const INVALID: { retention: unknown; expected: Expected[] }[] = [
    { retention: { kind: 'none', duration: 'P1D' }, expected: [{ pointer: `${AT}/duration`, keyword: 'additionalProperties' }] },
    { retention: { kind: 'none', event: 'account-deletion' }, expected: [{ pointer: `${AT}/event`, keyword: 'additionalProperties' }] },
    { retention: { kind: 'fixed' }, expected: [{ pointer: `${AT}/duration`, keyword: 'required' }] },
    { retention: { kind: 'fixed', duration: 'P1D', event: 'account-deletion' }, expected: [{ pointer: `${AT}/event`, keyword: 'additionalProperties' }] },
    { retention: { kind: 'fixed', after: 'P1D' }, expected: [{ pointer: `${AT}/duration`, keyword: 'required' }, { pointer: `${AT}/after`, keyword: 'additionalProperties' }] },
    { retention: { kind: 'until-event' }, expected: [{ pointer: `${AT}/event`, keyword: 'required' }] },
    { retention: { kind: 'until-event', event: 'contract-end' }, expected: [{ pointer: `${AT}/event`, keyword: 'enum' }] },
    { retention: { kind: 'until-event', event: 'account-deletion', duration: 'P1D' }, expected: [{ pointer: `${AT}/duration`, keyword: 'additionalProperties' }] },
    { retention: { kind: 'until-event', event: 'account-deletion', after: 'P14m' }, expected: [{ pointer: `${AT}/after`, keyword: 'format' }] },
    { retention: { kind: 'indefinite', after: 'P1D' }, expected: [{ pointer: `${AT}/after`, keyword: 'additionalProperties' }] },
    { retention: { kind: 'undisclosed', duration: 'P1D' }, expected: [{ pointer: `${AT}/duration`, keyword: 'additionalProperties' }] },
    { retention: { kind: 'forever' }, expected: [{ pointer: `${AT}/kind`, keyword: 'enum' }] },
    { retention: { duration: 'P1D' }, expected: [{ pointer: `${AT}/kind`, keyword: 'required' }] },
    { retention: 'P30D', expected: [{ pointer: AT, keyword: 'type' }] },
  ];
  it.each(INVALID)('rejects $retention', ({ retention, expected }) => {
    expectErrors(check(setAt(validDeclaration(), AT, retention)), expected);
  });
});

describe('counts: a non-negative integer or a {min, max} band', () => {
  const SITES = [
    '/governmentRequests/0/requests',
    '/governmentRequests/0/accounts',
    '/governmentRequests/0/outcomes/noDataFound',
    '/governmentRequests/0/rejectionBases/0/count',
  ];
  const withCount = (at: string, value: unknown) => {
    const doc = validDeclaration();
    const row = doc.governmentRequests[0];
    // room for any valid count, so only the rule under test can fail
    row.requests = { min: 0, max: 10_000_000 };
    if (at.endsWith('/requests')) {
      delete row.outcomes;
      delete row.rejectionBases;
    }
    return setAt(doc, at, value);
  };
  it.each(SITES.flatMap((at) => [0, 7, 1_000_000, { min: 0, max: 249 }, { min: 3, max: 3 }].map((value) => ({ at, value }))))(
    '$value is accepted at $at',
    ({ at, value }) => {
      expectValid(check(withCount(at, value)));
    },
  );
  it.each(SITES.flatMap((at) => [-1, 1.5, '5', null, [1, 2]].map((value) => ({ at, value }))))('$value is rejected at $at', ({ at, value }) => {
    expectErrors(check(withCount(at, value)), [{ pointer: at }]);
  });
  it.each(SITES)('a band with a negative min is rejected at %s/min', (at) => {
    expectErrors(check(withCount(at, { min: -1, max: 3 })), [{ pointer: `${at}/min`, keyword: 'minimum' }]);
  });
  it.each(SITES)('a band with min > max is rejected at %s with keyword bandOrder', (at) => {
    expectErrors(check(withCount(at, { min: 5, max: 2 })), [{ pointer: at, keyword: 'bandOrder' }]);
  });
});
