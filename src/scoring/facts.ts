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
    const segments = parsePointer(ptr);
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

/** The nearest pointer that exists in `doc` (one-off; matrices use a `PointerIndex`). */
export function existingPointer(doc: unknown, ptr: string): string {
  return new PointerIndex(doc).existing(ptr);
}

/**
 * Pointers made to resolve (when an index is given), the root dropped and duplicates removed,
 * in the order the pathway cites them. That order is fixed by the code, so equal inputs give
 * byte-identical facts without sorting (facts are built for every pathway of every cell).
 */
function clean(ptrs: string[], index?: PointerIndex): string[] {
  const out: string[] = [];
  for (const p of ptrs) {
    const e = index ? index.existing(p) : p;
    if (e !== '' && !out.includes(e)) out.push(e);
  }
  return out;
}

/**
 * Declaration pointers may name an answer the document leaves out (cited by the object that
 * omits it); profile pointers are built from the facts the profile has, so they always resolve.
 */
export function normalizeFacts(facts: Facts, declaration: PointerIndex): Facts {
  return { declaration: clean(facts.declaration, declaration), jurisdiction: clean(facts.jurisdiction) };
}

const indexPointers = new Map<string, string[]>();

/** `/<base>/<i>`, built once per process for each base and index (pointers are immutable strings). */
export function indexed(base: string, i: number): string {
  let list = indexPointers.get(base);
  if (list === undefined) indexPointers.set(base, (list = []));
  return (list[i] ??= `${base}/${i}`);
}
