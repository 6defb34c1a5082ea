import { isDeepStrictEqual } from 'node:util';
import type { GovernmentRequest } from '../formats/types.generated.js';
import { requestRowKey } from './request-row-key.js';

export interface MergeResult {
  rows: GovernmentRequest[];
  added: number;
  replaced: number;
  unchanged: number;
}

/**
 * Merges imported rows into a declaration's rows: a row with the same period, country
 * and process replaces the existing one in place, new rows go to the end. Importing the
 * same rows twice therefore changes nothing.
 */
export function mergeRequests(existing: GovernmentRequest[], imported: GovernmentRequest[]): MergeResult {
  const rows = [...existing];
  const position = new Map(rows.map((row, i) => [requestRowKey(row), i]));
  let added = 0;
  let replaced = 0;
  let unchanged = 0;
  for (const row of imported) {
    const key = requestRowKey(row);
    const at = position.get(key);
    if (at === undefined) {
      position.set(key, rows.length);
      rows.push(row);
      added++;
    } else if (isDeepStrictEqual(rows[at], row)) unchanged++;
    else {
      rows[at] = row;
      replaced++;
    }
  }
  return { rows, added, replaced, unchanged };
}
