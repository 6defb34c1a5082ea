import { describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { goldenDigests, goldenGroups, lawDataDigest } from './exposure-golden-cases.js';

/**
 * The exposure matrix must not change byte for byte when only the speed of its computation
 * does. The fixture holds SHA-256 digests of the JSON of `computeExposure` for the inputs of
 * exposure-golden-cases.ts, recorded from the code before it was optimised.
 *
 * When the MODEL or the shipped law data changes on purpose, record the fixture again with
 * `EXPOSURE_GOLDEN=write` set (and say in the commit why the output changed).
 */
const fixture = path.join(projectRoot, 'test/fixtures/exposure-golden.json');
const writing = process.env.EXPOSURE_GOLDEN === 'write';
const groups = goldenGroups();

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
