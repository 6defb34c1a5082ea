import { parsePointer, pointer, resolvePointer } from '../formats/json-pointer.js';
import type { Facts } from './types.js';

/**
 * Pointer checks repeat across the cells of a matrix (the same declaration and profile
 * facts back many cells), so each document keeps its own memo of resolved pointers.
 */
const memo = new WeakMap<object, Map<string, string>>();

/** Drops the memo of a document that may have changed. */
export function forgetPointers(doc: object): void {
  memo.delete(doc);
}

/** The nearest pointer that exists in `doc`: an omitted answer is cited by the object that omits it. */
export function existingPointer(doc: unknown, ptr: string): string {
  const cache = doc !== null && typeof doc === 'object' ? memo.get(doc) ?? memo.set(doc, new Map()).get(doc)! : undefined;
  const hit = cache?.get(ptr);
  if (hit !== undefined) return hit;
  let segments = parsePointer(ptr);
  while (segments.length > 0 && resolvePointer(doc, pointer(...segments)) === undefined) segments = segments.slice(0, -1);
  const found = pointer(...segments);
  cache?.set(ptr, found);
  return found;
}

/** Pointers deduplicated, made to resolve, and sorted, so equal inputs give byte-identical facts. */
export function normalizeFacts(facts: Facts, declaration: unknown, profile: unknown): Facts {
  const clean = (ptrs: string[], doc: unknown) =>
    [...new Set(ptrs.map((p) => existingPointer(doc, p)))].filter((p) => p !== '').sort();
  return { declaration: clean(facts.declaration, declaration), jurisdiction: clean(facts.jurisdiction, profile) };
}

export function mergeFacts(...all: Facts[]): Facts {
  return { declaration: all.flatMap((f) => f.declaration), jurisdiction: all.flatMap((f) => f.jurisdiction) };
}
