import { NONE, type CompactScores, type ScoreLayout } from './compact-scores.js';

/** A row of the index and its key: the order's bound × 65536 + the other bound + 1, in tenths (0: no selected cell). */
export interface KeyedRow {
  row: number;
  key: number;
}

/** A page of a ranking by the index: rows worst first, then by the other bound, then by id. */
export interface ColumnsPage {
  rows: KeyedRow[];
  /** Per row of `rows`: 1 + the number of providers strictly ahead on the order's bound. */
  ranks: number[];
  /** Providers with a selected cell. */
  total: number;
  /** Providers without one, in id order. */
  undeclared: string[];
}

/** A cell of the index: a category in a jurisdiction. */
export interface Column {
  category: string;
  jurisdiction: string;
}

/**
 * Every provider's score table as columns: for each cell (category × jurisdiction) two typed
 * arrays across providers, its established and worst-case bounds in tenths. A ranking for a
 * threat model reads only the selected columns, a few contiguous passes over typed arrays, and
 * picks its page by counting (histograms of the bounds) instead of sorting every provider, so
 * its cost barely grows with the number of providers. Kept current by `set` on every change
 * of a provider's latest table. Tables that are not in tenths cannot be held (`exact` says so).
 */
export class ScoreColumns<T> {
  private readonly rowOf = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly items: T[] = [];
  private readonly columnOf = new Map<string, number>();
  private readonly columns: Column[] = [];
  /**
   * Each bound of every cell of every provider in one array, column after column (column `c`
   * is `[c × capacity, (c + 1) × capacity)`): two large allocations that the allocator maps
   * and unmaps whole, rather than a thousand small ones left to fragment its heap.
   */
  private established = new Uint16Array(0);
  private worstCase = new Uint16Array(0);
  /** Rows the columns have room for. */
  private capacity: number;
  /** Each layout's cells mapped to columns (layouts are interned: one per shape of table). */
  private readonly layouts = new WeakMap<ScoreLayout, Int32Array>();
  /** Providers whose latest table holds values other than tenths. */
  private readonly inexact = new Set<string>();
  /** Rows in provider-id order, rebuilt when a provider is added. */
  private byId: Uint32Array | undefined;
  private keys = new Uint32Array(0);
  private readonly high = new Uint32Array(0x10000);
  private readonly low = new Uint32Array(0x10000);

  /** `expected`: the providers about to be set (the read model's size), so the columns are not regrown while they are. */
  constructor(expected = 0) {
    this.capacity = Math.max(256, expected + (expected >> 4));
  }

  /** Number of providers held. */
  get size(): number {
    return this.ids.length;
  }

  /** Whether every table held is in tenths (otherwise rank without the index). */
  get exact(): boolean {
    return this.inexact.size === 0;
  }

  /** Bytes of the columns. */
  get bytes(): number {
    return this.established.byteLength + this.worstCase.byteLength;
  }

  /** The item given with a provider's table. */
  item(providerId: string): T | undefined {
    const row = this.rowOf.get(providerId);
    return row === undefined ? undefined : this.items[row];
  }

  itemAt(row: number): T {
    return this.items[row];
  }

  /** Makes `scores` the provider's table (its latest), with `item` to hand back in rankings. */
  set(providerId: string, item: T, scores: CompactScores): void {
    let row = this.rowOf.get(providerId);
    if (row === undefined) {
      row = this.ids.length;
      if (row === this.capacity) this.grow();
      this.rowOf.set(providerId, row);
      this.ids.push(providerId);
      this.items.push(item);
      this.byId = undefined;
    }
    this.items[row] = item;
    const { capacity, established, worstCase } = this;
    for (let at = row; at < established.length; at += capacity) established[at] = worstCase[at] = NONE;
    const tenths = scores.tenths;
    if (!tenths) {
      this.inexact.add(providerId);
      return;
    }
    this.inexact.delete(providerId);
    const columns = this.columnsOfLayout(scores.layout);
    for (let i = 0; i < columns.length; i++) {
      const at = columns[i] * this.capacity + row;
      this.established[at] = tenths.established[i];
      this.worstCase[at] = tenths.worstCase[i];
    }
  }

  /** The columns of the cells named, in the order given (cells no table has are left out). */
  select(categories: readonly string[] | undefined, jurisdictions: readonly string[] | undefined): number[] {
    const selected: number[] = [];
    if (categories && jurisdictions) {
      for (const category of categories) for (const jurisdiction of jurisdictions) {
        const c = this.columnOf.get(cellKey(category, jurisdiction));
        if (c !== undefined) selected.push(c);
      }
      return selected;
    }
    this.columns.forEach((col, c) => {
      if ((!categories || categories.includes(col.category)) && (!jurisdictions || jurisdictions.includes(col.jurisdiction))) selected.push(c);
    });
    return selected;
  }

  /**
   * Positions `offset` to `offset + limit` of the ranking by the worst of the `selected`
   * columns: on the established bound when `byEstablished`, else on the worst case; ties by
   * the other bound, then by provider id. The same order and ranks as sorting every provider.
   */
  page(selected: readonly number[], byEstablished: boolean, offset: number, limit: number): ColumnsPage {
    const n = this.ids.length;
    const keys = this.keysOf(selected, byEstablished);
    const byId = this.idOrder();
    const undeclared: string[] = [];
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (keys[byId[i]] === 0) undeclared.push(this.ids[byId[i]]);
      else total++;
    }
    const end = Math.min(offset + limit, total);
    if (offset >= end) return { rows: [], ranks: [], total, undeclared };
    const first = this.kth(keys, offset);
    const last = this.kth(keys, end - 1);
    // In id order: the first key's rows after those before the page, every row between, the last key's rows until the page is full.
    let skip = offset - first.above;
    const atFirst: KeyedRow[] = [];
    const between: KeyedRow[] = [];
    const atLast: KeyedRow[] = [];
    const wanted = end - offset;
    for (let i = 0; i < n; i++) {
      const row = byId[i];
      const key = keys[row];
      if (key === first.key) {
        if (skip > 0) skip--;
        else if (atFirst.length < wanted) atFirst.push({ row, key });
      } else if (key < first.key && key > last.key) between.push({ row, key });
      else if (key === last.key && atLast.length < wanted) atLast.push({ row, key });
    }
    between.sort((a, b) => b.key - a.key); // stable: id order within a key
    const rows = [...atFirst, ...between, ...atLast].slice(0, wanted);
    return { rows, ranks: this.ranksOf(rows), total, undeclared };
  }

  /** Each row's key for the selection (0 when it has none of the selected cells). */
  private keysOf(selected: readonly number[], byEstablished: boolean): Uint32Array {
    const n = this.ids.length;
    if (this.keys.length < n) this.keys = new Uint32Array(this.capacity);
    const keys = this.keys.subarray(0, n);
    keys.fill(0);
    const primary = byEstablished ? this.established : this.worstCase;
    const other = byEstablished ? this.worstCase : this.established;
    for (const c of selected) {
      const base = c * this.capacity;
      for (let row = 0; row < n; row++) {
        const p = primary[base + row];
        if (p === NONE) continue;
        const key = p * 0x10000 + other[base + row] + 1;
        if (key > keys[row]) keys[row] = key;
      }
    }
    // The primary bounds' histogram, read by kth and ranksOf.
    this.high.fill(0);
    for (let row = 0; row < n; row++) if (keys[row] !== 0) this.high[keys[row] >>> 16]++;
    return keys;
  }

  /** The key at position `k` (0-based) of the keys sorted high to low, and how many keys are higher. */
  private kth(keys: Uint32Array, k: number): { key: number; above: number } {
    let above = 0;
    let p = 0xffff;
    for (; p >= 0; p--) {
      if (above + this.high[p] > k) break;
      above += this.high[p];
    }
    this.low.fill(0);
    for (let row = 0; row < keys.length; row++) if (keys[row] !== 0 && keys[row] >>> 16 === p) this.low[keys[row] & 0xffff]++;
    let o = 0xffff;
    for (; o >= 0; o--) {
      if (above + this.low[o] > k) break;
      above += this.low[o];
    }
    return { key: p * 0x10000 + o, above };
  }

  /** 1 + the number of keys with a higher primary bound, for each row (sorted high to low). */
  private ranksOf(rows: KeyedRow[]): number[] {
    const ranks: number[] = [];
    let ahead = 0;
    let p = 0xffff;
    for (const { key } of rows) {
      const primary = key >>> 16;
      for (; p > primary; p--) ahead += this.high[p];
      ranks.push(ahead + 1);
    }
    return ranks;
  }

  private idOrder(): Uint32Array {
    if (!this.byId) {
      const order = Array.from(this.ids.keys()).sort((a, b) => (this.ids[a] < this.ids[b] ? -1 : 1));
      this.byId = Uint32Array.from(order);
    }
    return this.byId;
  }

  private columnsOfLayout(layout: ScoreLayout): Int32Array {
    let columns = this.layouts.get(layout);
    if (!columns) {
      const cells = layout.categories.flatMap((category) => layout.jurisdictions.map((jurisdiction) => ({ category, jurisdiction })));
      const added = cells.filter((cell) => !this.columnOf.has(cellKey(cell.category, cell.jurisdiction)));
      for (const cell of added) {
        this.columnOf.set(cellKey(cell.category, cell.jurisdiction), this.columns.length);
        this.columns.push(cell);
      }
      if (added.length > 0) this.resize(this.columns.length, this.capacity);
      columns = Int32Array.from(cells, (cell) => this.columnOf.get(cellKey(cell.category, cell.jurisdiction))!);
      this.layouts.set(layout, columns);
    }
    return columns;
  }

  /** Room for more rows: an eighth more (at least 256), so the columns stay close to the number of providers. */
  private grow(): void {
    this.resize(this.columns.length, this.capacity + Math.max(256, this.capacity >> 3));
  }

  /** Reallocates both bounds for `columns` columns of `capacity` rows, every value kept, new cells missing. */
  private resize(columns: number, capacity: number): void {
    const widen = (from: Uint16Array) => {
      const to = new Uint16Array(columns * capacity).fill(NONE);
      const old = from.length / this.capacity;
      for (let c = 0; c < old; c++) to.set(from.subarray(c * this.capacity, c * this.capacity + this.ids.length), c * capacity);
      return to;
    };
    this.established = widen(this.established);
    this.worstCase = widen(this.worstCase);
    this.capacity = capacity;
  }
}

function cellKey(category: string, jurisdiction: string): string {
  return `${category}\u0000${jurisdiction}`;
}
