import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { importTables, tiltKeywords } from '../../src/policies/load-import-tables.js';
import { mapTilt } from '../../src/tilt/map-tilt.js';
import { MAX_TILT_TEXT } from '../../src/tilt/tilt-values.js';

const options = { keywords: tiltKeywords(), tables: importTables(), today: '2025-01-01' };

/**
 * Runs `work` and counts what regular expressions were given to look at: for a global or sticky
 * pattern the characters from its lastIndex to the end of its match (or of the input), for any
 * other the whole input. Patching `exec` puts every pattern operation (test, replace, split,
 * match) on V8's spec path, which calls it.
 */
function meterPatterns<T>(work: () => T): { result: T; longest: number; total: number } {
  const original = RegExp.prototype.exec;
  let longest = 0;
  let total = 0;
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    const text = String(input);
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const match = original.call(this, text);
    const looked = this.global || this.sticky ? (match ? match.index + match[0].length : text.length) - from : text.length;
    longest = Math.max(longest, looked);
    total += looked;
    return match;
  };
  try {
    return { result: work(), longest, total };
  } finally {
    RegExp.prototype.exec = original;
  }
}

/** A long run of one character, the shape that makes backtracking patterns slow. */
const run = fc.tuple(fc.constantFrom(' ', 'a', ',', '\n', 'P', '1', 'ä', '\u200b', 'ﷺ', '-'), fc.integer({ min: 0, max: 40_000 })).map(([c, n]) => c.repeat(n));
const text = fc.oneof(run, fc.string({ maxLength: 50 }), fc.tuple(fc.string({ maxLength: 10 }), run, fc.string({ maxLength: 10 })).map((parts) => parts.join('')));
const tiltDocument = fc.record({
  meta: fc.record({ name: text, url: text, modified: text }),
  controller: fc.record({ name: text, country: text }),
  thirdCountryTransfers: fc.array(fc.record({ country: text }), { maxLength: 3 }),
  dataDisclosed: fc.array(
    fc.record({
      category: text,
      storage: fc.array(fc.record({ ttl: text, temporal: fc.array(fc.record({ ttl: text }), { maxLength: 2 }) }), { maxLength: 2 }),
      recipients: fc.array(fc.record({ name: text, country: text, category: text }), { maxLength: 3 }),
    }),
    { maxLength: 4 },
  ),
});

describe('the TILT import looks at bounded strings only', () => {
  it('the meter sees pattern work (split, replace and test go through exec)', () => {
    const { total } = meterPatterns(() => ['a b'.split(/\s+/), 'x'.replace(/x/g, 'y'), /z/.test('zz')]);
    expect(total).toBeGreaterThan(0);
  });

  it('never hands a pattern more than MAX_TILT_TEXT characters (×18, the most NFKD expands one), whatever the document', () => {
    fc.assert(
      fc.property(tiltDocument, (doc) => {
        const { longest } = meterPatterns(() => mapTilt(doc, options));
        expect(longest).toBeLessThanOrEqual(18 * MAX_TILT_TEXT);
      }),
      { numRuns: 60 },
    );
  });

  it('does work linear in the document: twice the entries, at most about twice the pattern work', () => {
    const words = ['mail', 'adresse', 'standort', 'location', 'kontakt', 'zahlungs', 'nutzung', 'ip', 'cookie', 'bild', 'stimme'];
    const doc = (n: number) => ({
      dataDisclosed: Array.from({ length: n }, (_, i) => ({
        category: `${words[i % words.length]} ${i} ${' '.repeat(300)}${words[(i * 7) % words.length]}`,
        storage: [{ temporal: [{ ttl: `P${' '.repeat(200)}${i}D` }] }],
        recipients: [{ name: `Vendor ${i} Dienstleister ${'x'.repeat(100)}`, country: `Berlin, ${'a,'.repeat(100)} Germany` }],
      })),
    });
    const [small, large] = [500, 1000].map((n) => meterPatterns(() => mapTilt(doc(n), options)).total);
    expect(large / small).toBeLessThan(2.2);
    // And a bounded amount per character of the document.
    expect(large / JSON.stringify(doc(1000)).length).toBeLessThan(64);
  });
});
