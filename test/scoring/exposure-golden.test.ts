import { describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { goldenDigests, goldenGroups, lawDataDigest, quickGroups, type GoldenGroup } from './exposure-golden-cases.js';

/**
 * The exposure matrix must not change byte for byte when only the speed of its computation
 * does. The fixture holds SHA-256 digests of the JSON of `computeExposure` for the inputs of
 * exposure-golden-cases.ts, recorded from the code before it was optimised.
 *
 * A test run checks a representative subset (`quickGroups`, seconds); `EXPOSURE_GOLDEN=all`
 * checks every group (`goldenGroups`, about a minute and a half): run it when working on the
 * speed of the scoring core. When the MODEL or the shipped law data changes on purpose, record
 * the fixture again with `EXPOSURE_GOLDEN=write` set (both sets of groups; say in the commit
 * why the output changed).
 */
const fixture = path.join(projectRoot, 'test/fixtures/exposure-golden.json');
const mode = process.env.EXPOSURE_GOLDEN;
const writing = mode === 'write';
const groups = writing || mode === 'all' ? everyGroup() : quickGroups();

/** The full guard and the subsets of the quick run that have fingerprints of their own. */
function everyGroup(): GoldenGroup[] {
  const full = goldenGroups();
  const names = new Set(full.map((g) => g.name));
  return [...full, ...quickGroups().filter((g) => !names.has(g.name))];
}

interface Golden {
  lawData: string;
  digests: Record<string, string>;
}

describe('exposure matrix output is byte-identical to the recorded fingerprints', () => {
  if (writing) {
    test('record the fingerprints', () => {
      const golden: Golden = { lawData: lawDataDigest(), digests: goldenDigests(groups) };
      writeFileSync(fixture, JSON.stringify(golden, null, 2) + '\n');
    }, 600_000);
    return;
  }
  const golden = (existsSync(fixture) ? JSON.parse(readFileSync(fixture, 'utf8')) : { lawData: 'missing', digests: {} }) as Golden;

  test('the law data is the data the fingerprints were recorded with', () => {
    expect(lawDataDigest()).toBe(golden.lawData);
  });

  test('every group is fingerprinted', () => {
    const names = new Set(Object.keys(golden.digests).map((k) => k.split('|')[0]));
    expect(groups.map((g) => g.name).filter((n) => !names.has(n))).toEqual([]);
  });

  for (const g of groups)
    test(`${g.name} (${g.declarations.length} declarations × ${g.dates.length} law dates × compact, full)`, () => {
      const actual = goldenDigests([g]);
      const expected = Object.fromEntries(Object.keys(actual).map((k) => [k, golden.digests[k]]));
      expect(actual).toEqual(expected);
    }, 120_000);
});
