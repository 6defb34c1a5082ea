import type { Side, Unknown } from './types.js';

/**
 * What widens a range, collected while a pathway is computed. Pointers say where the answer or
 * the legal fact is (or would be, when missing); a pathway reports its unknowns only when its
 * own range is wide, so a cell never lists an unknown that could not have moved it.
 */
export class Unknowns {
  readonly list: Unknown[] = [];
  add(side: Side, pointer: string, note: string): void {
    this.list.push({ pointer, side, note });
  }
  declaration(pointer: string, note: string): void {
    this.add('declaration', pointer, note);
  }
  jurisdiction(pointer: string, note: string): void {
    this.add('jurisdiction', pointer, note);
  }
  merge(other: Unknowns): void {
    for (const u of other.list) this.list.push(u);
  }
}

const bySideThenPointer = (a: Unknown, b: Unknown) => (a.side !== b.side ? (a.side < b.side ? -1 : 1) : a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0);

/** Sorted by side then pointer, one per side and pointer (the first note kept); notes only when asked for. */
export function sortedUnknowns(all: Unknown[], withNotes: boolean): Unknown[] {
  // Many entries are the same object reached through several pathways: drop those before sorting.
  const list = [...new Set(all)].sort(bySideThenPointer);
  const out: Unknown[] = [];
  let last: Unknown | undefined;
  for (const u of list) {
    if (last !== undefined && last.side === u.side && last.pointer === u.pointer) continue;
    last = u;
    out.push(withNotes ? { pointer: u.pointer, side: u.side, note: u.note } : { pointer: u.pointer, side: u.side });
  }
  return out;
}
