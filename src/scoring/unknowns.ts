import type { Side, Unknown } from './types.js';

/**
 * What widens a range, collected while a pathway is computed. Pointers say where the answer or
 * the legal fact is (or would be, when missing); a pathway reports its unknowns only when its
 * own range is wide, so a cell never lists an unknown that could not have moved it.
 */
export class Unknowns {
  readonly list: Unknown[] = [];
  add(side: Side, pointer: string, note: string): void {
    this.list.push(unknown(side, pointer, note));
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

/**
 * An unknown as the model tracks it, frozen: it is published as it is (`explain=full`), so one
 * object can stand in many cells, and it must never change.
 */
export function unknown(side: Side, pointer: string, note: string): Unknown {
  return Object.freeze({ pointer, side, note });
}

/**
 * The published forms without a note (`explain=compact`): they depend on side and pointer only,
 * so one frozen object per pointer serves every cell. Profile pointers come from the law data
 * (shared by every computation); declaration pointers are kept for one computation only.
 */
export class CompactForms {
  private static readonly profile = new Map<string, Unknown>();
  private readonly declaration = new Map<string, Unknown>();

  of(u: Unknown): Unknown {
    const forms = u.side === 'jurisdiction' ? CompactForms.profile : this.declaration;
    let c = forms.get(u.pointer);
    if (c === undefined) forms.set(u.pointer, (c = Object.freeze({ pointer: u.pointer, side: u.side })));
    return c;
  }
}

/** -1, 0 or 1: by side, then by pointer (code unit order). */
function compare(a: Unknown, b: Unknown): number {
  if (a.side !== b.side) return a.side < b.side ? -1 : 1;
  return a.pointer === b.pointer ? 0 : a.pointer < b.pointer ? -1 : 1;
}

/**
 * Gathers unknowns sorted by side then pointer, one per side and pointer: the first added
 * stays (its note is the one published). Reused across cells: `sorted` hands out a copy.
 */
export class UnknownSet {
  private readonly items: Unknown[] = [];
  private n = 0;

  clear(): void {
    this.n = 0;
  }

  add(u: Unknown): void {
    const items = this.items;
    let i = this.n;
    // Insertion from the end: lists arrive mostly in order, and are short.
    while (i > 0) {
      const c = compare(items[i - 1], u);
      if (c === 0) return;
      if (c < 0) break;
      i--;
    }
    for (let k = this.n; k > i; k--) items[k] = items[k - 1];
    items[i] = u;
    this.n++;
  }

  addAll(list: readonly Unknown[]): void {
    for (let k = 0; k < list.length; k++) this.add(list[k]);
  }

  /** The published list: with notes, or without them when `compact` forms are given. */
  sorted(compact?: CompactForms): Unknown[] {
    const out: Unknown[] = new Array(this.n);
    for (let k = 0; k < this.n; k++) out[k] = compact === undefined ? this.items[k] : compact.of(this.items[k]);
    return out;
  }
}

/** Sorted by side then pointer, one per side and pointer (the first note kept); notes only when asked for. */
export function sortedUnknowns(all: readonly Unknown[], withNotes: boolean): Unknown[] {
  const set = new UnknownSet();
  set.addAll(all);
  return set.sorted(withNotes ? undefined : new CompactForms());
}
