import { describe, expect, it } from '@jest/globals';
import { didYouMean } from '../../src/formats/did-you-mean.js';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import { checkDeclaration } from '../../src/formats/validate-declaration.js';
import { validDeclaration } from '../support/service.js';

describe('didYouMean', () => {
  it.each([
    ['UK', ['GB', 'US', 'UA'], 'GB'],
    ['el', ['GR', 'EE'], 'GR'],
    ['us', ['GB', 'US'], 'US'],
    ['storageLocation', ['storageLocations', 'protection'], 'storageLocations'],
    ['supportd', ['supported', 'not-supported'], 'supported'],
    ['XX', ['GB', 'US'], undefined],
    ['retain', ['observe', 'none'], undefined],
    ['abcd', ['abce', 'abcf'], undefined],
  ])('%s among %j → %s', (given, allowed, expected) => {
    expect(didYouMean(given, allowed)).toBe(expected);
  });
});

describe('validation errors carry the hint', () => {
  const registry = loadSchemaRegistry();
  it('for a near-miss property name and a near-miss code, at the right pointers', () => {
    const doc = validDeclaration();
    doc.dataCategories[0].storageLocation = ['LU'];
    doc.provider.headquarters = 'UK';
    const result = checkDeclaration(registry, doc);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: '/dataCategories/0/storageLocation', keyword: 'additionalProperties', message: expect.stringMatching(/did you mean "storageLocations"\?$/) }),
        expect.objectContaining({ pointer: '/provider/headquarters', message: expect.stringMatching(/did you mean "GB"\?$/) }),
      ]),
    );
  });
});
