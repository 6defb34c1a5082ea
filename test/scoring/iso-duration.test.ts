import { describe, expect, test } from '@jest/globals';
import { durationDays } from '../../src/scoring/iso-duration.js';
import { curveFactor } from '../../src/scoring/retention-curve.js';
import { params } from './scoring-fixture.js';

describe('durationDays', () => {
  test.each([
    ['P1D', 1], ['P2W', 14], ['P1Y', 365], ['P12M', 365], ['PT72H', 3], ['P1DT12H', 1.5], ['P0D', 0],
  ])('%s is %d days', (iso, days) => expect(durationDays(iso)).toBeCloseTo(days, 6));
  test.each(['P', 'PT', 'P14m', 'P72H', '1D'])('%s is rejected', (iso) => expect(() => durationDays(iso)).toThrow());
});

describe('retention curve', () => {
  test('never falls as the duration grows, and stays below indefinite', () => {
    const ladder = ['P0D', 'PT1H', 'P1D', 'P3D', 'P7D', 'P30D', 'P60D', 'P90D', 'P6M', 'P1Y', 'P18M', 'P2Y', 'P5Y', 'P10Y', 'P100Y'];
    const factors = ladder.map((d) => curveFactor(d, params));
    factors.forEach((f, i) => i > 0 && expect(f).toBeGreaterThanOrEqual(factors[i - 1]));
    expect(Math.max(...factors)).toBeLessThanOrEqual(params.retention.indefinite.value);
  });
  test('interpolates linearly between points (hand check: P60D is halfway from P30D to P90D)', () => {
    expect(curveFactor('P60D', params)).toBeCloseTo(0.4, 6);
  });
});
