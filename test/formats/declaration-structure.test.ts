import { describe, it, expect } from '@jest/globals';
import { check, expectErrors, expectValid, removeAt, setAt, validDeclaration, type Doc } from './declaration-fixtures.js';

describe('the fixture', () => {
  it('is a valid declaration with no warnings', () => {
    const result = check(validDeclaration(), { providerId: 'acme-chat' });
    expectValid(result);
    expect(result.valid && result.warnings).toEqual([]);
  });

  it('stays valid with only the required fields', () => {
    expectValid(
      check({
        format: 'retention-declaration/1',
        provider: { id: 'ab', name: 'A' },
        asOf: '2024-01-01',
        dataCategories: [{ category: 'location', collected: 'undisclosed' }],
      }),
    );
  });
});

describe('required fields: the error points at the missing property', () => {
  const missing = [
    '/format',
    '/provider',
    '/asOf',
    '/dataCategories',
    '/provider/id',
    '/provider/name',
    '/provider/sources/0/url',
    '/dataCategories/0/category',
    '/dataCategories/0/collected',
    '/dataCategories/0/retention/kind',
    '/dataCategories/0/retention/duration',
    '/dataCategories/0/interception/0/party',
    '/dataCategories/0/interception/0/capability',
    '/dataCategories/0/sources/0/url',
    '/thirdParties/0/id',
    '/thirdParties/0/name',
    '/thirdParties/0/relationship',
    '/thirdParties/0/sources/0/url',
    '/legalProcess/interceptionStatutes/0/statute',
    '/legalProcess/interceptionStatutes/0/jurisdiction',
    '/legalProcess/interceptionStatutes/0/position',
    '/legalProcess/policies/0/process',
    '/legalProcess/policies/0/jurisdiction',
    '/legalProcess/policies/0/categories',
    '/legalProcess/policies/0/userNotification',
    '/legalProcess/sources/0/url',
    '/governmentRequests/0/period',
    '/governmentRequests/0/period/start',
    '/governmentRequests/0/period/end',
    '/governmentRequests/0/country',
    '/governmentRequests/0/process',
    '/governmentRequests/0/requests',
    '/governmentRequests/0/rejectionBases/0/basis',
    '/governmentRequests/0/rejectionBases/0/count',
    '/governmentRequests/0/sources/0/url',
    '/sources/0/url',
  ];
  it.each(missing)('%s', (pointer) => {
    expectErrors(check(removeAt(validDeclaration(), pointer)), [{ pointer, keyword: 'required' }]);
  });

  it('reports every missing top-level field of an empty object at once', () => {
    expectErrors(check({}), ['/format', '/provider', '/asOf', '/dataCategories'].map((pointer) => ({ pointer, keyword: 'required' })));
  });

  it.each([
    ['fixed', { kind: 'fixed' }, 'duration'],
    ['until-event', { kind: 'until-event', after: 'P1D' }, 'event'],
  ])('retention of kind %s without its field', (_kind, retention, field) => {
    const doc = setAt(validDeclaration(), '/dataCategories/0/retention', retention);
    expectErrors(check(doc), [{ pointer: `/dataCategories/0/retention/${field}`, keyword: 'required' }]);
  });

  it('a band without max points at /max with keyword required', () => {
    const doc = setAt(validDeclaration(), '/governmentRequests/0/requests', { min: 5 });
    expectErrors(check(doc), [{ pointer: '/governmentRequests/0/requests/max', keyword: 'required' }]);
  });
});

describe('additionalProperties: false at every level, pointing at the extra property', () => {
  const objects = [
    '',
    '/provider',
    '/provider/sources/0',
    '/dataCategories/0',
    '/dataCategories/0/retention',
    '/dataCategories/0/protection',
    '/dataCategories/0/interception/0',
    '/dataCategories/0/sources/0',
    '/dataCategories/1/retention',
    '/thirdParties/0',
    '/thirdParties/0/sources/0',
    '/legalProcess',
    '/legalProcess/interceptionStatutes/0',
    '/legalProcess/policies/0',
    '/legalProcess/sources/0',
    '/governmentRequests/0',
    '/governmentRequests/0/period',
    '/governmentRequests/0/outcomes',
    '/governmentRequests/0/rejectionBases/0',
    '/governmentRequests/0/sources/0',
    '/sources/0',
  ];
  it.each(objects)('extra property under "%s"', (at) => {
    const doc = setAt(validDeclaration(), `${at}/unexpected`, 'x');
    expectErrors(check(doc), [{ pointer: `${at}/unexpected`, keyword: 'additionalProperties' }]);
  });

  it('reports two extra properties in one object as two errors', () => {
    const doc = setAt(setAt(validDeclaration(), '/provider/a', 1), '/provider/b', 2);
    expectErrors(check(doc), [
      { pointer: '/provider/a', keyword: 'additionalProperties' },
      { pointer: '/provider/b', keyword: 'additionalProperties' },
    ]);
  });

  it('extra property inside a banded count points at that property', () => {
    const doc = setAt(validDeclaration(), '/governmentRequests/0/requests', { min: 100000, max: 200000, avg: 1 });
    expectErrors(check(doc), [{ pointer: '/governmentRequests/0/requests/avg', keyword: 'additionalProperties' }]);
  });
});

describe('alternatives (anyOf/oneOf) report the errors of the branch that fits', () => {
  // When one branch fails deeper inside the value, errors of that branch at the value itself
  // (required, additionalProperties, uniqueItems) are dropped with the losing branch.
  it('a band with a negative min and no max reports both problems', () => {
    const doc = setAt(validDeclaration(), '/governmentRequests/0/requests', { min: -1 });
    expectErrors(check(doc), [
      { pointer: '/governmentRequests/0/requests/min', keyword: 'minimum' },
      { pointer: '/governmentRequests/0/requests/max', keyword: 'required' },
    ]);
  });

  it('establishments with an invalid and a repeated code report both problems', () => {
    const doc = setAt(validDeclaration(), '/provider/establishments', ['XX', 'US', 'US']);
    expectErrors(check(doc), [
      { pointer: '/provider/establishments/0', keyword: 'enum' },
      { pointer: '/provider/establishments', keyword: 'uniqueItems' },
    ]);
  });
});

describe('RFC 6901 pointers escape ~ and / in property names', () => {
  it.each([
    ['', 'a/b', '/a~1b'],
    ['', 'm~n', '/m~0n'],
    ['', '~1', '/~01'],
    ['', '/', '/~1'],
    ['/provider', 'x/y~z', '/provider/x~1y~0z'],
    ['/dataCategories/0/protection', '~/', '/dataCategories/0/protection/~0~1'],
  ])('under "%s", property %j → %s', (at, name, pointer) => {
    const doc: Doc = validDeclaration();
    const target = at === '' ? doc : at.split('/').slice(1).reduce((n: any, t) => n[t], doc);
    target[name] = true;
    expectErrors(check(doc), [{ pointer, keyword: 'additionalProperties' }]);
  });
});

describe('string lengths and array sizes are bounded', () => {
  const long = (n: number) => 'x'.repeat(n);
  // expected: the keyword of the one error at `at`, or null for a valid document.
  const cases: { name: string; at: string; value: unknown; expected: string | null }[] = [
    { name: 'empty provider name', at: '/provider/name', value: '', expected: 'minLength' },
    { name: 'provider name of 200 characters', at: '/provider/name', value: long(200), expected: null },
    { name: 'provider name of 201 characters', at: '/provider/name', value: long(201), expected: 'maxLength' },
    { name: 'empty third-party name', at: '/thirdParties/0/name', value: '', expected: 'minLength' },
    { name: 'description of 5000 characters', at: '/dataCategories/0/description', value: long(5000), expected: null },
    { name: 'description of 5001 characters', at: '/dataCategories/0/description', value: long(5001), expected: 'maxLength' },
    { name: 'interception note of 5001 characters', at: '/dataCategories/0/interception/0/note', value: long(5001), expected: 'maxLength' },
    { name: 'empty statute', at: '/legalProcess/interceptionStatutes/0/statute', value: '', expected: 'minLength' },
    { name: 'empty service word', at: '/provider/services/0', value: '', expected: 'minLength' },
    { name: 'purpose of 81 characters', at: '/dataCategories/0/purposes/0', value: long(81), expected: 'maxLength' },
    { name: 'empty rejection basis', at: '/governmentRequests/0/rejectionBases/0/basis', value: '', expected: 'minLength' },
    { name: 'source title of 201 characters', at: '/sources/0/title', value: long(201), expected: 'maxLength' },
    { name: 'URI of 2049 characters', at: '/provider/website', value: `https://a.example/${long(2031)}`, expected: 'maxLength' },
    { name: 'no data categories', at: '/dataCategories', value: [], expected: 'minItems' },
    {
      name: '14 data categories (more than the taxonomy has)',
      at: '/dataCategories',
      value: Array.from({ length: 14 }, () => ({ category: 'location', collected: 'yes' })),
      expected: 'maxItems',
    },
    { name: '51 sources', at: '/sources', value: Array.from({ length: 51 }, (_, i) => ({ url: `https://s.example/${i}` })), expected: 'maxItems' },
    { name: '51 purposes', at: '/dataCategories/0/purposes', value: Array.from({ length: 51 }, (_, i) => `p${i}`), expected: 'maxItems' },
    { name: '21 interception entries', at: '/dataCategories/0/interception', value: Array.from({ length: 21 }, () => ({ party: 'attacker', capability: 'none' })), expected: 'maxItems' },
    { name: 'duplicate establishments', at: '/provider/establishments', value: ['US', 'US'], expected: 'uniqueItems' },
    { name: 'duplicate storage locations', at: '/dataCategories/0/storageLocations', value: ['DE', 'DE'], expected: 'uniqueItems' },
    { name: 'duplicate third-party categories', at: '/thirdParties/0/categories', value: ['subscriber-info', 'subscriber-info'], expected: 'uniqueItems' },
    { name: 'duplicate policy categories', at: '/legalProcess/policies/0/categories', value: ['subscriber-info', 'subscriber-info'], expected: 'uniqueItems' },
    { name: 'percentDisclosed 0', at: '/governmentRequests/0/percentDisclosed', value: 0, expected: null },
    { name: 'percentDisclosed 100', at: '/governmentRequests/0/percentDisclosed', value: 100, expected: null },
    { name: 'percentDisclosed 33.3', at: '/governmentRequests/0/percentDisclosed', value: 33.3, expected: null },
    { name: 'percentDisclosed 100.5', at: '/governmentRequests/0/percentDisclosed', value: 100.5, expected: 'maximum' },
    { name: 'percentDisclosed -1', at: '/governmentRequests/0/percentDisclosed', value: -1, expected: 'minimum' },
    { name: 'website that is not a URI', at: '/provider/website', value: 'not a url', expected: 'format' },
    { name: 'relative guidelines URL', at: '/legalProcess/guidelinesUrl', value: '/law-enforcement', expected: 'format' },
    { name: 'requiresJudicialReview as a string', at: '/legalProcess/policies/0/requiresJudicialReview', value: 'yes', expected: 'type' },
    { name: 'dataCategories as an object', at: '/dataCategories', value: {}, expected: 'type' },
  ];
  it.each(cases)('$name', ({ at, value, expected }) => {
    const doc = validDeclaration();
    // A stated percentage must agree with the row's outcome counts; the range alone is tested here.
    if (at.endsWith('/percentDisclosed')) delete (doc.governmentRequests[0] as { outcomes?: unknown }).outcomes;
    const result = check(setAt(doc, at, value));
    if (expected === null) expectValid(result);
    else expectErrors(result, [{ pointer: at, keyword: expected }]);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'declaration'],
  ])('a document that is %s is rejected at the root', (_what, doc) => {
    expectErrors(check(doc), [{ pointer: '', keyword: 'type' }]);
  });
});
