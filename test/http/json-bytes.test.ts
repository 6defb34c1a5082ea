import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { jsonBytes } from '../../src/http/json-bytes.js';

/** The answer's bytes made in pieces are exactly those of `JSON.stringify`, whatever the object. */
describe('jsonBytes', () => {
  const same = (value: Record<string, unknown>) => expect(Buffer.from(jsonBytes(value)).equals(Buffer.from(JSON.stringify(value), 'utf8'))).toBe(true);

  test('any JSON object, with long arrays at the top level and inside', () => {
    const long = fc.array(fc.jsonValue(), { minLength: 0, maxLength: 300 });
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), long, fc.constant(undefined))), (value) => same(value)), { numRuns: 300 });
  });

  test('edges: empty, arrays of exactly one and two pieces, holes, non-ASCII text, left-out values', () => {
    same({});
    same({ a: Array.from({ length: 64 }, (_, i) => i), b: Array.from({ length: 65 }, (_, i) => ({ i, t: 'é–€😀' })) });
    same({ cells: Array.from({ length: 128 }, (_, i) => i), z: 1 });
    same({ before: undefined, f: () => 1, list: new Array(200), after: 'x' });
    same({ only: Array.from({ length: 1000 }, (_, i) => ({ category: 'c', jurisdiction: 'XX', worstCase: i / 7, unknownRefs: [i, i + 1] })) });
  });

  test('a small answer has a buffer of its own (a thread can take it over)', () => {
    const bytes = jsonBytes({ ok: true });
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
  });
});
