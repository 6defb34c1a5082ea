import { describe, it, expect } from '@jest/globals';
import { check, expectErrors, expectValid, setAt, validDeclaration, type Doc, type Expected } from './declaration-fixtures.js';

type Mutation = (doc: Doc) => void;
const row = (doc: Doc) => doc.governmentRequests[0];

describe('outcomes may not add up to more than the requests', () => {
  const cases: { name: string; mutate: Mutation; expected: Expected[] }[] = [
    {
      name: 'exact outcomes above the exact request count',
      mutate: (d) => (row(d).outcomes = { contentDisclosed: 60, nonContentOnly: 50 }),
      expected: [{ pointer: '/governmentRequests/0/outcomes', keyword: 'outcomesExceedRequests' }],
    },
    {
      name: 'a single outcome above the requests',
      mutate: (d) => (row(d).outcomes = { rejected: 101 }),
      expected: [{ pointer: '/governmentRequests/0/outcomes', keyword: 'outcomesExceedRequests' }],
    },
    {
      name: 'banded outcomes whose minimums exceed the band of requests',
      mutate: (d) => {
        row(d).requests = { min: 0, max: 249 };
        row(d).outcomes = { contentDisclosed: { min: 250, max: 499 } };
        delete row(d).rejectionBases;
      },
      expected: [{ pointer: '/governmentRequests/0/outcomes', keyword: 'outcomesExceedRequests' }],
    },
    {
      name: 'outcomes in the second row only',
      mutate: (d) => d.governmentRequests.push({ ...row(d), country: 'DE', requests: 5, outcomes: { noDataFound: 6 }, rejectionBases: [] }),
      expected: [{ pointer: '/governmentRequests/1/outcomes', keyword: 'outcomesExceedRequests' }],
    },
    {
      name: 'a stated percentage the outcome counts contradict (40% produced, 90% stated)',
      mutate: (d) => (row(d).percentDisclosed = 90),
      expected: [{ pointer: '/governmentRequests/0/percentDisclosed', keyword: 'percentContradictsOutcomes' }],
    },
    {
      name: 'a stated percentage that partial outcome counts contradict (60 of 100 produced non-content data, 50% stated)',
      mutate: (d) => {
        row(d).requests = 100;
        row(d).outcomes = { nonContentOnly: 60 };
        row(d).percentDisclosed = 50;
      },
      expected: [{ pointer: '/governmentRequests/0/percentDisclosed', keyword: 'percentContradictsOutcomes' }],
    },
    {
      name: 'rejection bases adding up to more than the requests',
      mutate: (d) => (row(d).rejectionBases = [{ basis: 'overbroad', count: 80 }, { basis: 'no-jurisdiction', count: 30 }]),
      expected: [{ pointer: '/governmentRequests/0/rejectionBases', keyword: 'outcomesExceedRequests' }],
    },
  ];
  it.each(cases)('$name', ({ mutate, expected }) => {
    const doc = validDeclaration();
    mutate(doc);
    expectErrors(check(doc), expected);
  });

  it.each([
    ['outcomes equal to the requests', (d: Doc) => ((row(d).outcomes = { contentDisclosed: 25, nonContentOnly: 25, noDataFound: 25, rejected: 25 }), (row(d).percentDisclosed = 50))],
    ['a percentage rounded from the counts', (d: Doc) => (row(d).percentDisclosed = 40.4)],
    ['worldwide figures without an account count (format 1.1)', (d: Doc) => ((row(d).country = '001' as never), delete (row(d) as { accounts?: unknown }).accounts)],
    ['outcomes below the requests', (d: Doc) => (row(d).outcomes = { nonContentOnly: 1 })],
    ['no outcomes at all', (d: Doc) => delete row(d).outcomes],
    [
      'banded outcomes that fit a band of requests (US national-security reporting)',
      (d: Doc) => {
        row(d).requests = { min: 0, max: 249 };
        row(d).accounts = { min: 0, max: 249 };
        row(d).outcomes = { contentDisclosed: { min: 0, max: 249 }, nonContentOnly: { min: 0, max: 249 } };
        row(d).rejectionBases = [{ basis: 'other', count: { min: 0, max: 249 } }];
      },
    ],
    [
      'exact outcomes within the maximum of a band of requests',
      (d: Doc) => {
        row(d).requests = { min: 100, max: 200 };
        row(d).outcomes = { nonContentOnly: 150 };
        // 150 of at most 200 produced data: a stated share must be at least 75% (partial counts bound it).
        row(d).percentDisclosed = 80;
      },
    ],
  ])('%s is fine', (_name, mutate) => {
    const doc = validDeclaration();
    mutate(doc);
    expectValid(check(doc));
  });
});

describe('categories named by third parties and policies must not be declared collected:"no"', () => {
  // In the fixture, message-content is collected:"no" and usage-analytics is "yes".
  const cases: { name: string; mutate: Mutation; expected: Expected[] }[] = [
    {
      name: 'third party naming a not-collected category',
      mutate: (d) => (d.thirdParties[0].categories = ['subscriber-info', 'message-content']),
      expected: [{ pointer: '/thirdParties/0/categories/1', keyword: 'contradiction' }],
    },
    {
      name: 'policy naming a not-collected category',
      mutate: (d) => (d.legalProcess.policies[0].categories = ['message-content']),
      expected: [{ pointer: '/legalProcess/policies/0/categories/0', keyword: 'contradiction' }],
    },
    {
      name: 'the second of two third parties',
      mutate: (d) => d.thirdParties.push({ id: 'processor', name: 'P', relationship: 'processor', categories: ['usage-analytics', 'message-content'] }),
      expected: [{ pointer: '/thirdParties/1/categories/1', keyword: 'contradiction' }],
    },
    {
      name: 'two contradictions in one list, each reported',
      mutate: (d) => {
        d.dataCategories[2].collected = 'no';
        d.legalProcess.policies[0].categories = ['message-content', 'subscriber-info', 'usage-analytics'];
      },
      expected: [
        { pointer: '/legalProcess/policies/0/categories/0', keyword: 'contradiction' },
        { pointer: '/legalProcess/policies/0/categories/2', keyword: 'contradiction' },
      ],
    },
    {
      name: 'declaring a named category collected:"no"',
      mutate: (d) => (d.dataCategories[0].collected = 'no'),
      expected: [
        { pointer: '/thirdParties/0/categories/0', keyword: 'contradiction' },
        { pointer: '/legalProcess/policies/0/categories/0', keyword: 'contradiction' },
      ],
    },
  ];
  it.each(cases)('$name', ({ mutate, expected }) => {
    const doc = validDeclaration();
    mutate(doc);
    expectErrors(check(doc), expected);
  });

  it.each([
    ['a category declared "undisclosed"', (d: Doc) => (d.dataCategories[0].collected = 'undisclosed')],
    ['a category not declared at all', (d: Doc) => (d.thirdParties[0].categories = ['location'])],
    ['a not-collected category among the categories requested by a government', (d: Doc) => (row(d).categoriesRequested = ['message-content'])],
  ])('no contradiction for %s', (_name, mutate) => {
    const doc = validDeclaration();
    mutate(doc);
    expectValid(check(doc));
  });
});

describe('duplicate ids', () => {
  const cases: { name: string; mutate: Mutation; expected: Expected[] }[] = [
    {
      name: 'a category declared twice points at the second one',
      mutate: (d) => d.dataCategories.push({ category: 'subscriber-info', collected: 'yes' }),
      expected: [{ pointer: '/dataCategories/3/category', keyword: 'uniqueId' }],
    },
    {
      name: 'a category declared three times yields two errors',
      mutate: (d) => d.dataCategories.push({ category: 'usage-analytics', collected: 'yes' }, { category: 'usage-analytics', collected: 'undisclosed' }),
      expected: [
        { pointer: '/dataCategories/3/category', keyword: 'uniqueId' },
        { pointer: '/dataCategories/4/category', keyword: 'uniqueId' },
      ],
    },
    {
      name: 'a duplicate third-party id points at the second one',
      mutate: (d) => d.thirdParties.push({ id: 'local-operator', name: 'Other', relationship: 'partner' }),
      expected: [{ pointer: '/thirdParties/1/id', keyword: 'uniqueId' }],
    },
    {
      name: 'the same statute twice for one jurisdiction',
      mutate: (d) => d.legalProcess.interceptionStatutes.push({ statute: 'CALEA', jurisdiction: 'US', position: 'subject' }),
      expected: [{ pointer: '/legalProcess/interceptionStatutes/1', keyword: 'uniqueId' }],
    },
  ];
  it.each(cases)('$name', ({ mutate, expected }) => {
    const doc = validDeclaration();
    mutate(doc);
    expectErrors(check(doc), expected);
  });

  it('different categories, ids and statutes are fine', () => {
    const doc = validDeclaration();
    doc.dataCategories.push({ category: 'location', collected: 'no' });
    doc.thirdParties.push({ id: 'local-operator-2', name: 'Other', relationship: 'partner' });
    doc.legalProcess.interceptionStatutes.push({ statute: 'CALEA', jurisdiction: 'GB', position: 'undisclosed' });
    expectValid(check(doc));
  });
});

describe('provider.id must equal the {providerId} of the path', () => {
  it('a different providerId is an error at /provider/id', () => {
    expectErrors(check(validDeclaration(), { providerId: 'someone-else' }), [{ pointer: '/provider/id', keyword: 'providerMismatch' }]);
  });
  it('the same providerId is fine', () => {
    expectValid(check(validDeclaration(), { providerId: 'acme-chat' }));
  });
  it('without a providerId (plain validation) any valid id is fine', () => {
    expectValid(check(setAt(validDeclaration(), '/provider/id', 'whoever')));
  });
});

describe('a period may not start after it ends', () => {
  it('start after end is an error at the period', () => {
    const doc = setAt(validDeclaration(), '/governmentRequests/0/period', { start: '2023-07-01', end: '2023-06-30' });
    expectErrors(check(doc), [{ pointer: '/governmentRequests/0/period', keyword: 'periodOrder' }]);
  });
  it('a period of one day is fine', () => {
    expectValid(check(setAt(validDeclaration(), '/governmentRequests/0/period', { start: '2023-06-30', end: '2023-06-30' })));
  });
  it('compares across years', () => {
    const doc = setAt(validDeclaration(), '/governmentRequests/0/period', { start: '2024-01-01', end: '2023-12-31' });
    expectErrors(check(doc), [{ pointer: '/governmentRequests/0/period', keyword: 'periodOrder' }]);
  });
});

describe('every error comes in one answer', () => {
  it('five distinct schema problems yield at least five errors, one at each place', () => {
    const doc = validDeclaration();
    delete doc.asOf;
    doc.provider.headquarters = 'UK';
    doc.dataCategories[0].retention = { kind: 'fixed', duration: 'P14m' };
    doc.thirdParties[0].relationship = 'vendor';
    doc.governmentRequests[0].requests = -1;
    doc.sources[0].extra = true;
    const result = check(doc);
    expectErrors(result, [
      { pointer: '/asOf', keyword: 'required' },
      { pointer: '/provider/headquarters' },
      { pointer: '/dataCategories/0/retention/duration', keyword: 'format' },
      { pointer: '/thirdParties/0/relationship', keyword: 'enum' },
      { pointer: '/governmentRequests/0/requests' },
      { pointer: '/sources/0/extra', keyword: 'additionalProperties' },
    ]);
    expect(!result.valid && result.errors.length).toBeGreaterThanOrEqual(6);
  });

  it('five distinct semantic problems yield five errors', () => {
    const doc = validDeclaration();
    doc.dataCategories.push({ category: 'subscriber-info', collected: 'yes' });
    doc.thirdParties[0].categories = ['message-content'];
    row(doc).period = { start: '2023-12-31', end: '2023-01-01' };
    row(doc).accounts = { min: 9, max: 1 };
    row(doc).outcomes = { rejected: 500 };
    const result = check(doc, { providerId: 'other-provider' });
    expectErrors(result, [
      { pointer: '/provider/id', keyword: 'providerMismatch' },
      { pointer: '/dataCategories/3/category', keyword: 'uniqueId' },
      { pointer: '/thirdParties/0/categories/0', keyword: 'contradiction' },
      { pointer: '/governmentRequests/0/period', keyword: 'periodOrder' },
      { pointer: '/governmentRequests/0/accounts', keyword: 'bandOrder' },
      { pointer: '/governmentRequests/0/outcomes', keyword: 'outcomesExceedRequests' },
    ]);
  });

  it('a provider mismatch is reported beside schema errors', () => {
    const doc = validDeclaration();
    doc.asOf = '2023-02-30';
    expectErrors(check(doc, { providerId: 'other-provider' }), [
      { pointer: '/asOf', keyword: 'format' },
      { pointer: '/provider/id', keyword: 'providerMismatch' },
    ]);
  });

  it('schema and semantic problems are reported together', () => {
    const doc = validDeclaration();
    doc.asOf = '2023-02-30';
    doc.thirdParties[0].categories = ['message-content'];
    expectErrors(check(doc, { providerId: 'other-provider' }), [
      { pointer: '/asOf', keyword: 'format' },
      { pointer: '/provider/id', keyword: 'providerMismatch' },
      { pointer: '/thirdParties/0/categories/0', keyword: 'contradiction' },
    ]);
  });

  it('errors are sorted by pointer and carry no duplicates', () => {
    const doc = validDeclaration();
    doc.sources[0].z = 1;
    doc.provider.y = 1;
    doc.asOf = 'soon';
    const result = check(doc);
    if (result.valid) throw new Error('expected errors');
    const pointers = result.errors.map((e) => e.pointer);
    expect(pointers).toEqual([...pointers].sort());
    expect(new Set(result.errors.map((e) => JSON.stringify(e))).size).toBe(result.errors.length);
  });
});

describe('warnings never block a valid document', () => {
  it.each([
    ['an asOf in the future', (d: Doc) => (d.asOf = '2099-01-01'), '/asOf', 'futureDate'],
    [
      'a not-collected category with a retention',
      (d: Doc) => (d.dataCategories[1].retention = { kind: 'fixed', duration: 'P1D' }),
      '/dataCategories/1/retention',
      'notCollectedButRetained',
    ],
    ['two rows for the same period, country and process', (d: Doc) => d.governmentRequests.push({ ...row(d) }), '/governmentRequests/1', 'duplicateRow'],
  ])('%s', (_name, mutate, pointer, keyword) => {
    const doc = validDeclaration();
    mutate(doc);
    const result = check(doc);
    expectValid(result);
    expect(result.valid && result.warnings).toEqual([expect.objectContaining({ pointer, keyword })]);
  });
});
