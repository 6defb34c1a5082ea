import { pointer } from '../formats/json-pointer.js';
import type { Change } from './change.js';

export type Path = (string | number)[];

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Deep equality of JSON values, as `util.isDeepStrictEqual` judges them (numbers by Object.is,
 * so -0 differs from 0; objects by their own keys, in any order) — without its checks of
 * prototypes, symbols and property descriptors, which JSON values cannot differ in and which made
 * it most of a diff's cost.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return typeof a !== 'number' || Object.is(a, b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return typeof a === 'number' && typeof b === 'number' && Object.is(a, b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!Object.hasOwn(b, k) || !jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/** A value in a form where object key order does not matter. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_key, value: unknown) =>
    isPlainObject(value) ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, value[k]])) : value,
  );

/**
 * Lists in the format are sets (jurisdictions, purposes, capabilities, category ids,
 * sources): the same entries in another order mean the same thing.
 */
function sameEntries(before: unknown[], after: unknown[]): boolean {
  if (before.length !== after.length) return false;
  const count = new Map<string, number>();
  for (const item of before) {
    const key = canonical(item);
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  for (const item of after) {
    const key = canonical(item);
    const n = count.get(key);
    if (!n) return false;
    count.set(key, n - 1);
  }
  return true;
}

/**
 * Plain structural comparison: objects field by field, anything else (strings, lists of
 * words) as a whole; a list holding the same entries in another order is unchanged.
 * Entries of lists that have an identity are matched by `matchByKey`.
 */
export function compareValues(path: Path, before: unknown, after: unknown, out: Change[]): void {
  if (jsonEqual(before, after)) return;
  if (Array.isArray(before) && Array.isArray(after) && sameEntries(before, after)) return;
  if (before === undefined) out.push({ pointer: pointer(...path), kind: 'added', after });
  else if (after === undefined) out.push({ pointer: pointer(...path), kind: 'removed', before });
  else if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    for (const key of keys) compareValues([...path, key], before[key], after[key], out);
  } else out.push({ pointer: pointer(...path), kind: 'changed', before, after });
}

/**
 * Matches two lists by meaning (a category by its id, a row by period/country/process)
 * rather than by position, then compares the matched pairs. Pointers use the index in
 * the newer list, or in the older one for removed entries.
 */
export function matchByKey<T>(
  path: Path,
  before: T[] | undefined,
  after: T[] | undefined,
  key: (item: T) => string,
  compare: (path: Path, before: T, after: T, out: Change[]) => void,
  out: Change[],
): void {
  const old = new Map<string, { item: T; index: number }>();
  (before ?? []).forEach((item, index) => {
    if (!old.has(key(item))) old.set(key(item), { item, index });
  });
  const seen = new Set<string>();
  (after ?? []).forEach((item, index) => {
    const k = key(item);
    const match = seen.has(k) ? undefined : old.get(k);
    seen.add(k);
    if (match) compare([...path, index], match.item, item, out);
    else out.push({ pointer: pointer(...path, index), kind: 'added', after: item });
  });
  for (const [k, { item, index }] of old) if (!seen.has(k)) out.push({ pointer: pointer(...path, index), kind: 'removed', before: item });
}
