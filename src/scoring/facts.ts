import { escapeToken, parsePointer } from '../formats/json-pointer.js';
import type { Facts } from './types.js';

/**
 * Pointer checks against one document. The same facts back many cells of a matrix, so each
 * answer is remembered — for the life of this object only, which `computeExposure` creates
 * afresh on every call (a caller may edit a declaration between two calls).
 */
export class PointerIndex {
  private readonly known = new Map<string, string>();
  constructor(private readonly doc: unknown) {}

  /**
   * The nearest pointer that exists in the document: an omitted answer is cited by the object
   * that omits it. Walks down from the root and stops at the first missing step, which is the
   * longest prefix that resolves (a path can only resolve if its parent does).
   */
  existing(ptr: string): string {
    const hit = this.known.get(ptr);
    if (hit !== undefined) return hit;
    // Pointers without `~` have nothing to unescape (the cells' pointers are built without any).
    const segments = ptr.indexOf('~') === -1 ? (ptr === '' ? [] : ptr.slice(1).split('/')) : parsePointer(ptr);
    let node: unknown = this.doc;
    let found = '';
    for (const seg of segments) {
      if (node === null || typeof node !== 'object' || !Object.hasOwn(node, seg)) break;
      node = (node as Record<string, unknown>)[seg];
      if (node === undefined) break;
      found += '/' + escapeToken(seg);
    }
    this.known.set(ptr, found);
    return found;
  }
}

const indexPointers = new Map<string, string[]>();

/** `/<base>/<i>`, built once per process for each base and index (pointers are immutable strings). */
export function indexed(base: string, i: number): string {
  let list = indexPointers.get(base);
  if (list === undefined) indexPointers.set(base, (list = []));
  return (list[i] ??= `${base}/${i}`);
}

const NONE: readonly string[] = Object.freeze([]);

/**
 * The most declaration pointers one list cites. A cell can rest on every request row of its
 * country; citing thousands of rows says no more than the first ones and a count, and copying
 * an ever longer list per row made scoring quadratic in the rows of one country.
 */
export const MAX_CITED = 64;

/**
 * A list of pointers being cited, as a node of a trie: each `add` steps to the list with one
 * more pointer, made to resolve (declaration side), the root dropped, duplicates removed. The
 * lists are frozen and shared: equal citations of many cells are one array.
 */
export class Citation {
  private readonly next = new Map<string, Citation>();
  /** The last step taken from here: cells of one category cite the same pointers in a row. */
  private lastPointer: string | undefined;
  private lastStep: Citation = this;
  /** The facts objects pairing this list with profile lists, and the last one asked for. */
  pairs: Map<Citation, Facts> | undefined;
  lastJurisdiction: Citation | undefined;
  lastFacts: Facts | undefined;
  constructor(
    readonly list: readonly string[],
    private readonly index: PointerIndex | undefined,
    /** Further pointers cited beyond the first `MAX_CITED`, counted, not listed (each distinct step counts once). */
    readonly omitted = 0,
  ) {}

  add(ptr: string): Citation {
    if (ptr === this.lastPointer) return this.lastStep;
    let n = this.next.get(ptr);
    if (n === undefined) {
      const e = this.index ? this.index.existing(ptr) : ptr;
      if (e === '' || this.list.includes(e)) n = this;
      else if (this.list.length >= MAX_CITED) n = new Citation(this.list, this.index, this.omitted + 1);
      else n = new Citation(Object.freeze([...this.list, e]), this.index);
      this.next.set(ptr, n);
    }
    this.lastPointer = ptr;
    this.lastStep = n;
    return n;
  }

  addAll(ptrs: readonly string[]): Citation {
    let n: Citation = this;
    for (let i = 0; i < ptrs.length; i++) n = n.add(ptrs[i]);
    return n;
  }
}

/**
 * The citation of a computation that cites nothing (`explain=summary`: no pathway is shown, so
 * none carries facts): every step stays where it is.
 */
class NoCitation extends Citation {
  override add(): Citation {
    return this;
  }

  override addAll(): Citation {
    return this;
  }
}

const nothing: Citation = new NoCitation(NONE, undefined);
const NO_FACTS = Object.freeze({ declaration: NONE, jurisdiction: NONE }) as unknown as Facts;

/** Profile pointers are built from the facts a profile has: the same lists serve every computation. */
const profileRoot = new Citation(NONE, undefined);

/**
 * The facts of one computation: declaration citations resolved against its document, profile
 * citations shared, and one frozen `Facts` object per pair of lists. Without citations
 * (`cites` false, for `explain=summary`) every pathway cites the same empty pair.
 */
export class FactsIndex {
  readonly declaration: Citation;
  readonly jurisdiction: Citation;

  constructor(doc: unknown, cites = true) {
    this.declaration = cites ? new Citation(NONE, new PointerIndex(doc)) : nothing;
    this.jurisdiction = cites ? profileRoot : nothing;
  }

  facts(declaration: Citation, jurisdiction: Citation): Facts {
    if (declaration === nothing) return NO_FACTS;
    if (declaration.lastJurisdiction === jurisdiction) return declaration.lastFacts!;
    const pairs = (declaration.pairs ??= new Map());
    let f = pairs.get(jurisdiction);
    if (f === undefined) {
      const facts = declaration.omitted === 0 ? { declaration: declaration.list, jurisdiction: jurisdiction.list } : { declaration: declaration.list, jurisdiction: jurisdiction.list, omitted: declaration.omitted };
      pairs.set(jurisdiction, (f = Object.freeze(facts) as unknown as Facts));
    }
    declaration.lastJurisdiction = jurisdiction;
    declaration.lastFacts = f;
    return f;
  }
}
