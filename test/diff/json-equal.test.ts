import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { jsonEqual } from '../../src/diff/compare-values.js';

describe('jsonEqual', () => {
  it('judges JSON values as util.isDeepStrictEqual does', () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    // Pairs that are often equal or nearly so: a value and a copy with its keys in another order, or a changed one.
    const reordered = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reordered) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reordered(x)])) : v;
    fc.assert(
      fc.property(value, value, fc.boolean(), (a, b, same) => {
        const other = same ? reordered(JSON.parse(JSON.stringify(a))) : b;
        expect(jsonEqual(a, other)).toBe(isDeepStrictEqual(a, other));
      }),
      { numRuns: 2000 },
    );
    expect(jsonEqual(0, -0)).toBe(isDeepStrictEqual(0, -0));
    expect(jsonEqual({ a: undefined }, {})).toBe(false);
    expect(jsonEqual([1, [2, { x: 'y' }]], [1, [2, { x: 'y' }]])).toBe(true);
    expect(jsonEqual([], {})).toBe(false);
  });
});
