import type { Side, Unknown } from './types.js';

/**
 * An unknown as the model tracks it, frozen: it is published as it is (`explain=full`), so one
 * object can stand in many cells, and it must never change.
 */
export function unknown(side: Side, pointer: string, note: string): Unknown {
  return new Tracked(pointer, side, note);
}

/**
 * An unknown that remembers its key in the order it was last looked up in (private fields:
 * neither published nor compared, and writable though the unknown is frozen), so an unknown
 * met again in a computation costs no lookup by pointer.
 */
class Tracked implements Unknown {
  readonly pointer: string;
  readonly side: Side;
  readonly note: string;
  #owner: object | undefined = undefined;
  #key: Key | undefined = undefined;

  constructor(pointer: string, side: Side, note: string) {
    this.pointer = pointer;
    this.side = side;
    this.note = note;
    Object.freeze(this);
  }

  static keyIn(u: Unknown, owner: object): Key | undefined {
    return u instanceof Tracked && u.#owner === owner ? u.#key : undefined;
  }

  static remember(u: Unknown, owner: object, key: Key): void {
    if (u instanceof Tracked) {
      u.#owner = owner;
      u.#key = key;
    }
  }
}

/** One side and pointer: its place in the order of a computation's unknowns, and its form without a note. */
class Key {
  order = 0;
  /** The gathering it was last added to (see `UnknownSet`). */
  mark = 0;
  readonly compact: Unknown;
  constructor(side: Side, pointer: string) {
    this.compact = Object.freeze({ pointer, side });
  }
}

/** Declaration unknowns come before profile unknowns; this is more than any computation has pointers. */
const SIDE_STEP = 2 ** 30;

/** Keys of one side in order: pointers sorted, with their keys. */
interface Keys {
  map: Map<string, Key>;
  pointers: string[];
  keys: Key[];
}

const keys = (): Keys => ({ map: new Map(), pointers: [], keys: [] });

/**
 * The order of unknowns (by side, then pointer in code unit order) as numbers: every side and
 * pointer met gets a key, renumbered as new pointers fall between (which keeps the order of the
 * keys already given out), so cells compare numbers instead of strings. Declaration pointers
 * live for one computation; profile pointers come from the law data and are shared.
 */
export class UnknownOrder {
  private static readonly profile = keys();
  private readonly declaration = keys();
  key(u: Unknown): Key {
    // Keys of profile pointers are shared by every computation, those of declaration pointers are this one's.
    const side = u.side === 'declaration' ? this.declaration : UnknownOrder.profile;
    let k = Tracked.keyIn(u, side);
    if (k !== undefined) return k;
    k = side.map.get(u.pointer) ?? UnknownOrder.insert(side, u.side === 'declaration' ? 0 : SIDE_STEP, u);
    Tracked.remember(u, side, k);
    return k;
  }

  private static insert(side: Keys, base: number, u: Unknown): Key {
    const k = new Key(u.side, u.pointer);
    side.map.set(u.pointer, k);
    const { pointers, keys } = side;
    let a = 0;
    let b = pointers.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (pointers[m] < u.pointer) a = m + 1;
      else b = m;
    }
    pointers.splice(a, 0, u.pointer);
    keys.splice(a, 0, k);
    for (let i = a; i < keys.length; i++) keys[i].order = base + i;
    return k;
  }
}

/** Marks of gatherings, unique across every set (keys of profile pointers are shared by all of them). */
let nextMark = 1;

/**
 * Gathers unknowns sorted by side then pointer, one per side and pointer: the first added
 * stays (its note is the one published). Reused across cells: `sorted` hands out a copy.
 */
export class UnknownSet {
  private readonly items: Unknown[] = [];
  private readonly keys: Key[] = [];
  private n = 0;
  private order: UnknownOrder = new UnknownOrder();
  private mark = 0;

  /** Empties the set for unknowns ordered by `order` (of one computation). */
  clear(order: UnknownOrder): void {
    this.n = 0;
    this.order = order;
    this.mark = nextMark++;
  }

  add(u: Unknown): void {
    this.put(this.order.key(u), u);
  }

  private put(k: Key, u: Unknown): void {
    // Already in: the first added stays.
    if (k.mark === this.mark) return;
    k.mark = this.mark;
    const keys = this.keys;
    let i = this.n;
    // Insertion from the end: lists arrive mostly in order, and are short.
    while (i > 0) {
      if (keys[i - 1].order < k.order) break;
      i--;
    }
    // The order may have been renumbered meanwhile: it stays the same order, so the items stay sorted.
    for (let j = this.n; j > i; j--) {
      keys[j] = keys[j - 1];
      this.items[j] = this.items[j - 1];
    }
    keys[i] = k;
    this.items[i] = u;
    this.n++;
  }

  addAll(list: readonly Unknown[]): void {
    for (let j = 0; j < list.length; j++) this.add(list[j]);
  }

  /** The published list: with notes, or without them (`withNotes` false). */
  sorted(withNotes: boolean): Unknown[] {
    const out: Unknown[] = [];
    for (let j = 0; j < this.n; j++) out.push(withNotes ? this.items[j] : this.keys[j].compact);
    return out;
  }
}
