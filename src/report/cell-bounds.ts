import type { Cell } from '../scoring/index.js';

export interface Bounds {
  /** What the declaration and the law establish. */
  established: number;
  /** If every open question is answered the worst way (the cell's `score`). */
  worstCase: number;
}

/** A cell's two bounds. */
export function cellBounds(cell: Pick<Cell, 'established' | 'worstCase'>): Bounds {
  return { established: cell.established, worstCase: cell.worstCase };
}

/**
 * The two bounds as short numbers that still tell them apart: whole numbers when they
 * differ as whole numbers ("20–64"), else one or two decimals ("99.5–100"), so a range
 * never reads as a single known value; one number only when the bounds meet.
 */
export function boundsPair(b: Bounds): [string, string] | [string] {
  if (b.established === b.worstCase) return [String(Math.round(b.worstCase))];
  for (const digits of [0, 1, 2]) {
    const lo = trim(b.established.toFixed(digits));
    const hi = trim(b.worstCase.toFixed(digits));
    if (lo !== hi) return [lo, hi];
  }
  return [String(Math.round(b.worstCase))];
}

const trim = (n: string) => (n.includes('.') ? n.replace(/\.?0+$/, '') : n);

/** "64" when the bounds meet, "20–64" (or "99.5–100") when a question leaves a range open. */
export function boundsText(b: Bounds): string {
  return boundsPair(b).join('–');
}

/** The same in words, for screen readers and tooltips. */
export function boundsWords(b: Bounds): string {
  const pair = boundsPair(b);
  return pair.length === 1 ? `${pair[0]} of 100 (established)` : `established ${pair[0]}, worst case ${pair[1]} of 100`;
}
