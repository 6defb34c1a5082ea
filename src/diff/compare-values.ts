import { isDeepStrictEqual } from 'node:util';
import { pointer } from '../formats/json-pointer.js';
import type { Change } from './change.js';

export type Path = (string | number)[];

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Plain structural comparison: objects field by field, anything else (strings, lists of
 * words) as a whole. Entries of lists that have an identity are matched by `matchByKey`.
 */
export function compareValues(path: Path, before: unknown, after: unknown, out: Change[]): void {
  if (isDeepStrictEqual(before, after)) return;
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
