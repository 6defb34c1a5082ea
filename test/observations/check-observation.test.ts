import { describe, expect, it } from '@jest/globals';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import type { Declaration } from '../../src/formats/types.generated.js';
import { InvalidDocumentError } from '../../src/formats/validation-error.js';
import { checkObservation } from '../../src/observations/check-observation.js';
import { observationBody as observation, sampleDeclaration as declaration } from './fixtures.js';

const registry = loadSchemaRegistry();

function issues(body: unknown, decl?: Declaration) {
  try {
    checkObservation(registry, body, decl);
    return [];
  } catch (error) {
    if (!(error instanceof InvalidDocumentError)) throw error;
    return error.errors.map((e) => [e.pointer, e.keyword]);
  }
}

describe('observations the format allows', () => {
  it.each([
    ['/legalProcess/liveInterception', 'supported'],
    ['/thirdParties/cn-licensee/capabilities', ['keyword-filtering', 'content-retention']],
    ['/thirdParties/cn-licensee/distributesClient', true],
    ['/dataCategories/message-content/retention', { kind: 'indefinite' }],
    ['/dataCategories/call-content/protection/atRest', 'none'],
    ['/dataCategories/message-content/interception/-', { party: 'third-party', capability: 'retain' }],
    ['/thirdParties/-', { id: 'other-operator', name: 'Other', relationship: 'partner', capabilities: ['bulk-access'] }],
    ['/legalProcess/interceptionStatutes/CALEA@US/position', 'subject'],
    ['/provider/headquarters', 'US'],
  ])('%s', (pointer, value) => {
    expect(issues(observation(pointer, value), declaration())).toEqual([]);
    expect(checkObservation(registry, observation(pointer, value), declaration()).place.pointer).toBe(pointer);
  });
});

describe('422 with the pointer of the bad field', () => {
  it.each([
    ['a field the format does not define', observation('/legalProcess/wiretaps', 'yes'), [['/pointer', 'pointer']]],
    ['an unknown category key', observation('/dataCategories/chat-logs/retention', { kind: 'none' }), [['/pointer', 'pointer']]],
    ['inside a choice', observation('/dataCategories/message-content/retention/duration', 'P1D'), [['/pointer', 'pointer']]],
    ['a list without keys', observation('/governmentRequests/0/requests', 5), [['/pointer', 'pointer']]],
    ['a keyed list as a whole', observation('/thirdParties', []), [['/pointer', 'pointer']]],
    ['the provider id', observation('/provider/id', 'x'), [['/pointer', 'pointer']]],
    ['a composite key without its second part', observation('/legalProcess/interceptionStatutes/CALEA/position', 'subject'), [['/pointer', 'pointer']]],
    ['a value out of the vocabulary', observation('/legalProcess/liveInterception', 'sometimes'), [['/value', 'enum']]],
    ['a retention without its duration', observation('/dataCategories/message-content/retention', { kind: 'fixed' }), [['/value/duration', 'required']]],
    ['a bad capability inside a list', observation('/thirdParties/cn-licensee/capabilities', ['keyword-filtering', 'mind-reading']), [['/value/1', 'enum']]],
    ['an item whose key differs from the pointer', observation('/thirdParties/cn-licensee', { id: 'elsewhere', name: 'X', relationship: 'partner' }), [['/value/id', 'const']]],
    ['a missing statement and source', { pointer: '/legalProcess/liveInterception', value: 'supported', observedAt: '2012-07-01', sources: [] }, [['/sources', 'minItems'], ['/statement', 'required']]],
    ['a source that is not http(s)', observation('/legalProcess/liveInterception', 'supported', { sources: [{ url: 'javascript:alert(1)', title: 'x' }] }), [['/sources/0/url', 'pattern']]],
  ])('%s', (_name, body, expected) => {
    expect(issues(body, declaration())).toEqual(expected);
  });

  it('refuses a named party the declaration does not list, pointing to "-"', () => {
    const problems = (() => {
      try {
        checkObservation(registry, observation('/thirdParties/tom-online/capabilities', ['keyword-filtering']), declaration());
      } catch (error) {
        return (error as InvalidDocumentError).errors;
      }
    })();
    expect(problems).toEqual([expect.objectContaining({ pointer: '/pointer', message: expect.stringContaining('"/thirdParties/-"') })]);
  });

  it('refuses "-" for a party that is declared', () => {
    expect(issues(observation('/thirdParties/-', { id: 'cn-licensee', name: 'L', relationship: 'licensee' }), declaration())).toEqual([['/value/id', 'uniqueItems']]);
  });

  it('accepts any category key, listed or not (the taxonomy is fixed)', () => {
    expect(issues(observation('/dataCategories/location/collected', 'yes'), declaration())).toEqual([]);
  });

  it('without a declaration, only the format decides', () => {
    expect(issues(observation('/thirdParties/tom-online/capabilities', ['keyword-filtering']))).toEqual([]);
  });
});
