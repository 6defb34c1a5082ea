import type { Tri } from '../law/in-force.js';

/**
 * A bound pair over the honest completions: `lo` with every unanswered question and unknown
 * legal fact at its least exposing value, `hi` at its most exposing. Every operation here is
 * non-decreasing in each end of each argument, so applying the model's formula to the `lo`
 * ends gives `established` and to the `hi` ends gives `worstCase` in one pass — the range logic
 * lives here and nowhere else.
 */
export interface Range {
  lo: number;
  hi: number;
}

export const ZERO: Range = Object.freeze({ lo: 0, hi: 0 });
export const ONE: Range = Object.freeze({ lo: 1, hi: 1 });
export const UNIT: Range = Object.freeze({ lo: 0, hi: 1 });

export const exact = (x: number): Range => ({ lo: x, hi: x });
export const span = (lo: number, hi: number): Range => ({ lo: Math.min(lo, hi), hi: Math.max(lo, hi) });
export const isWide = (r: Range): boolean => r.hi > r.lo;

/** 1 for a known yes, 0 for a known no, [0, 1] when not known. */
export const fromTri = (t: Tri): Range => (t === 'yes' ? ONE : t === 'no' ? ZERO : UNIT);

export function times(a: Range, b: Range): Range {
  return { lo: a.lo * b.lo, hi: a.hi * b.hi };
}

export function product(...rs: Range[]): Range {
  let lo = 1;
  let hi = 1;
  for (const r of rs) {
    lo *= r.lo;
    hi *= r.hi;
  }
  return { lo, hi };
}

export function max(a: Range, b: Range): Range {
  return { lo: Math.max(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}

export function min1(r: Range): Range {
  return { lo: Math.min(1, r.lo), hi: Math.min(1, r.hi) };
}

export function plus(a: Range, b: Range): Range {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

/** Probability-style union of independent exposures, 1 − Π(1 − e), on each end. */
export function anyOf(rs: readonly Range[]): Range {
  let lo = 1;
  let hi = 1;
  for (const r of rs) {
    lo *= 1 - clamp01(r.lo);
    hi *= 1 - clamp01(r.hi);
  }
  return { lo: 1 - lo, hi: 1 - hi };
}

/** `a` where the condition holds, 0 where it does not, either where it is not known. */
export function when(condition: Range, a: Range): Range {
  return times(condition, a);
}

/** A value that lies between `known` (least exposing) and `worst` when unknown, `known` otherwise. */
export function widen(known: Range, worst: Range, unknown: boolean): Range {
  return unknown ? { lo: Math.min(known.lo, worst.lo), hi: Math.max(known.hi, worst.hi) } : known;
}

export function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 1;
}
