/** Rounds to one decimal, the precision every score is published at. */
export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

export function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 1;
}

/** Probability-style union of independent exposures: 1 − Π(1 − e). Never below the largest. */
export function anyOf(exposures: number[]): number {
  return 1 - exposures.reduce((rest, e) => rest * (1 - clamp01(e)), 1);
}
