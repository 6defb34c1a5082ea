import { endianness } from 'node:os';
import type { ScoreTable } from './analysis.js';

/**
 * The order of a score table's cells: categories, then jurisdictions, as the table listed
 * them. Layouts are interned, so the thousands of tables of one policy share one layout.
 */
export class ScoreLayout {
  readonly categoryIndex: ReadonlyMap<string, number>;
  readonly jurisdictionIndex: ReadonlyMap<string, number>;

  constructor(
    readonly categories: readonly string[],
    readonly jurisdictions: readonly string[],
  ) {
    this.categoryIndex = new Map(categories.map((c, i) => [c, i]));
    this.jurisdictionIndex = new Map(jurisdictions.map((j, i) => [j, i]));
  }

  get cells(): number {
    return this.categories.length * this.jurisdictions.length;
  }
}

const layouts = new Map<string, ScoreLayout>();

/** The layout of the last table made compact: the next one (of thousands with the same policy) likely has it too. */
let lastLayout: ScoreLayout | undefined;

function layoutOf(table: ScoreTable): ScoreLayout {
  const categories = Object.keys(table);
  if (lastLayout && sameLayout(lastLayout, table, categories)) return lastLayout;
  return (lastLayout = layoutFrom(table, categories));
}

/** Whether `table` has exactly the categories and, in every row, exactly the jurisdictions of `layout`, in its order. */
function sameLayout(layout: ScoreLayout, table: ScoreTable, categories: string[]): boolean {
  if (categories.length !== layout.categories.length) return false;
  for (let c = 0; c < categories.length; c++) {
    if (categories[c] !== layout.categories[c]) return false;
    let j = 0;
    for (const jurisdiction in table[categories[c]]) if (jurisdiction !== layout.jurisdictions[j++]) return false;
    if (j !== layout.jurisdictions.length) return false;
  }
  return true;
}

function layoutFrom(table: ScoreTable, categories: string[]): ScoreLayout {
  const jurisdictions: string[] = [];
  const seen = new Set<string>();
  for (const c of categories) for (const j of Object.keys(table[c])) if (!seen.has(j)) (seen.add(j), jurisdictions.push(j));
  return internLayout(categories, jurisdictions);
}

function internLayout(categories: string[], jurisdictions: string[]): ScoreLayout {
  const key = JSON.stringify([categories, jurisdictions]);
  let layout = layouts.get(key);
  if (!layout) layouts.set(key, (layout = new ScoreLayout(categories, jurisdictions)));
  return layout;
}

/** Tables made compact, while they live (a table is not changed once made compact). */
const madeOf = new WeakMap<ScoreTable, CompactScores>();

/** A missing cell (a category the table has no row for in a jurisdiction). */
export const NONE = 0xffff;
const MAX_TENTHS = NONE - 1;

/**
 * A score table in two typed arrays: `[established, worstCase]` of every cell of the layout,
 * in tenths (scores are rounded to one decimal, 0–100), 4 bytes a cell instead of a nested
 * object of arrays. A table holding other values keeps them exactly in a Float64Array.
 */
export class CompactScores {
  private constructor(
    readonly layout: ScoreLayout,
    private readonly established: Uint16Array | Float64Array,
    private readonly worstCase: Uint16Array | Float64Array,
    private readonly scale: number,
  ) {}

  static of(table: ScoreTable): CompactScores {
    // An analysis's table is made compact twice (its remembered form, its read-model summary): once is enough.
    let made = madeOf.get(table);
    if (!made) madeOf.set(table, (made = CompactScores.make(table)));
    return made;
  }

  private static make(table: ScoreTable): CompactScores {
    const layout = layoutOf(table);
    // One pass, optimistic: scores are tenths; the first value that is not falls back to the exact table.
    const established = new Uint16Array(layout.cells).fill(NONE);
    const worstCase = new Uint16Array(layout.cells).fill(NONE);
    const width = layout.jurisdictions.length;
    for (const category in table) {
      const row = table[category];
      const base = layout.categoryIndex.get(category)! * width;
      for (const jurisdiction in row) {
        const cell = row[jurisdiction];
        if (cell.length !== 2 || !isTenth(cell[0]) || !isTenth(cell[1])) return CompactScores.exactOf(table, layout);
        const i = base + layout.jurisdictionIndex.get(jurisdiction)!;
        established[i] = Math.round(cell[0] * 10);
        worstCase[i] = Math.round(cell[1] * 10);
      }
    }
    return new CompactScores(layout, established, worstCase, 10);
  }

  /** A table holding values other than tenths, kept exactly. */
  private static exactOf(table: ScoreTable, layout: ScoreLayout): CompactScores {
    const established = new Float64Array(layout.cells).fill(NaN);
    const worstCase = new Float64Array(layout.cells).fill(NaN);
    for (const [category, row] of Object.entries(table)) {
      const base = layout.categoryIndex.get(category)! * layout.jurisdictions.length;
      for (const [jurisdiction, [e, w]] of Object.entries(row)) {
        const i = base + layout.jurisdictionIndex.get(jurisdiction)!;
        established[i] = e;
        worstCase[i] = w;
      }
    }
    return new CompactScores(layout, established, worstCase, 1);
  }

  /** Bytes held by this table (the layout is shared). */
  get bytes(): number {
    return this.established.byteLength + this.worstCase.byteLength + 64;
  }

  /** The index of a cell in this layout, or -1 when the layout has no such category or jurisdiction. */
  indexOf(category: string, jurisdiction: string): number {
    const c = this.layout.categoryIndex.get(category);
    const j = this.layout.jurisdictionIndex.get(jurisdiction);
    return c === undefined || j === undefined ? -1 : c * this.layout.jurisdictions.length + j;
  }

  /** Whether the cell at `index` exists. */
  has(index: number): boolean {
    const e = this.established[index];
    return index >= 0 && (this.scale === 10 ? e !== NONE : !Number.isNaN(e));
  }

  establishedAt(index: number): number {
    return this.established[index] / this.scale;
  }

  worstCaseAt(index: number): number {
    return this.worstCase[index] / this.scale;
  }

  /** The cell values in tenths (a table of tenths, as scores are), or undefined for a table holding other values. */
  get tenths(): { established: Uint16Array; worstCase: Uint16Array } | undefined {
    return this.scale === 10 ? { established: this.established as Uint16Array, worstCase: this.worstCase as Uint16Array } : undefined;
  }

  /**
   * The table as a small JSON value (kept beside a remembered analysis so a restart reads
   * this, not the analysis): the layout's names and each bound's tenths as little-endian
   * base64, or the exact numbers (null for a missing cell) of a table of other values.
   */
  toJSON(): CompactScoresJson {
    const { categories, jurisdictions } = this.layout;
    if (this.scale === 10) return { categories: [...categories], jurisdictions: [...jurisdictions], established: toBase64(this.established as Uint16Array), worstCase: toBase64(this.worstCase as Uint16Array) };
    const exact = (a: Uint16Array | Float64Array) => Array.from(a, (x) => (Number.isNaN(x) ? null : x));
    return { categories: [...categories], jurisdictions: [...jurisdictions], established: exact(this.established), worstCase: exact(this.worstCase) };
  }

  /** A table back from `toJSON`; throws on anything else. */
  static fromJSON(json: unknown): CompactScores {
    const j = json as CompactScoresJson;
    const names = (a: unknown): a is string[] => Array.isArray(a) && a.every((x) => typeof x === 'string');
    if (typeof j !== 'object' || j === null || !names(j.categories) || !names(j.jurisdictions)) throw new Error('not a compact score table');
    const layout = internLayout(j.categories, j.jurisdictions);
    if (typeof j.established === 'string' && typeof j.worstCase === 'string') {
      return new CompactScores(layout, fromBase64(j.established, layout.cells), fromBase64(j.worstCase, layout.cells), 10);
    }
    const exact = (a: unknown) => {
      if (!Array.isArray(a) || a.length !== layout.cells || !a.every((x) => x === null || typeof x === 'number')) throw new Error('not a compact score table');
      return Float64Array.from(a, (x: number | null) => (x === null ? NaN : x));
    };
    return new CompactScores(layout, exact(j.established), exact(j.worstCase), 1);
  }

  /** The table back in its nested form (for tests and callers that want it whole). */
  toTable(): ScoreTable {
    const table: ScoreTable = {};
    this.layout.categories.forEach((category, c) => {
      this.layout.jurisdictions.forEach((jurisdiction, j) => {
        const i = c * this.layout.jurisdictions.length + j;
        if (this.has(i)) (table[category] ??= {})[jurisdiction] = [this.establishedAt(i), this.worstCaseAt(i)];
      });
    });
    return table;
  }
}

function isTenth(x: number): boolean {
  const t = Math.round(x * 10);
  return t >= 0 && t <= MAX_TENTHS && t / 10 === x;
}

/** The JSON form of a compact table (`CompactScores.toJSON`). */
export interface CompactScoresJson {
  categories: string[];
  jurisdictions: string[];
  /** Tenths as little-endian 16-bit base64, or exact values (null: no such cell). */
  established: string | (number | null)[];
  worstCase: string | (number | null)[];
}

const BIG_ENDIAN = endianness() === 'BE';

function toBase64(values: Uint16Array): string {
  const bytes = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  return (BIG_ENDIAN ? Buffer.from(bytes).swap16() : bytes).toString('base64');
}

function fromBase64(text: string, cells: number): Uint16Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== cells * 2) throw new Error('not a compact score table');
  if (BIG_ENDIAN) bytes.swap16();
  const values = new Uint16Array(cells);
  new Uint8Array(values.buffer).set(bytes);
  return values;
}
