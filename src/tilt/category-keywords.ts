import { readFileSync } from 'node:fs';
import path from 'node:path';
import { policiesDir } from '../paths.js';

export type KeywordTable = [categoryId: string, patterns: RegExp[]][];

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let cached: KeywordTable | undefined;

/** The keyword table of policies/import/tilt-category-keywords.json, compiled once. */
export function tiltKeywords(): KeywordTable {
  if (cached) return cached;
  const data = JSON.parse(readFileSync(path.join(policiesDir, 'import', 'tilt-category-keywords.json'), 'utf8')) as { keywords: Record<string, string[]> };
  cached = Object.entries(data.keywords).map(([id, words]) => [id, words.map((w) => new RegExp(`(^|[^\\p{L}\\p{N}])${escape(fold(w))}`, 'u'))]);
  return cached;
}

/** Every taxonomy id whose keywords occur in a free-text category, in taxonomy order. */
export function categoriesIn(text: string, table: KeywordTable): string[] {
  const folded = fold(text);
  return table.filter(([, patterns]) => patterns.some((p) => p.test(folded))).map(([id]) => id);
}
