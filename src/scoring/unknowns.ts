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

/** Sorted by side then pointer (the map is keyed that way); notes only when asked for. */
export function sortedUnknowns(byKey: ReadonlyMap<string, Unknown>, withNotes: boolean): Unknown[] {
  return [...byKey.keys()].sort().map((k) => {
    const u = byKey.get(k)!;
    return withNotes ? { pointer: u.pointer, side: u.side, note: u.note } : { pointer: u.pointer, side: u.side };
  });
}
