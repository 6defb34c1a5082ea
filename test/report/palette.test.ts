import { describe, expect, it } from '@jest/globals';
import { contrastRatio, luminance, scoreColour, textColourOn } from '../../src/report/palette.js';

describe('score palette', () => {
  it('runs from light (0) to dark (100), monotonically, so order survives greyscale and colour blindness', () => {
    expect(scoreColour(0)).toBe('#fde725');
    expect(scoreColour(100)).toBe('#440154');
    for (let s = 0; s < 100; s += 5) expect(luminance(scoreColour(s))).toBeGreaterThan(luminance(scoreColour(s + 5)));
  });

  it('clamps scores outside 0–100', () => {
    expect(scoreColour(-5)).toBe(scoreColour(0));
    expect(scoreColour(250)).toBe(scoreColour(100));
  });

  it('puts text on every fill with at least WCAG AA contrast (4.5:1)', () => {
    for (let s = 0; s <= 100; s++) {
      const fill = scoreColour(s);
      expect(contrastRatio(fill, textColourOn(fill))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
