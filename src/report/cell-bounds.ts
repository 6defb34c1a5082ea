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

/** "64" when the bounds meet, "20–64" when the declaration leaves a range open. */
export function boundsText(b: Bounds): string {
  const [lo, hi] = [Math.round(b.established), Math.round(b.worstCase)];
  return lo === hi ? String(hi) : `${lo}–${hi}`;
}

/** The same in words, for screen readers and tooltips. */
export function boundsWords(b: Bounds): string {
  const [lo, hi] = [Math.round(b.established), Math.round(b.worstCase)];
  return lo === hi ? `${hi} of 100 (established)` : `established ${lo}, worst case ${hi} of 100`;
}
