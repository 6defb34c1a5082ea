export type KeywordTable = [categoryId: string, patterns: RegExp[]][];

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Compiles the keyword table (policies/import/tilt-category-keywords.json, read by the shell):
 * one pattern per category, its keywords as alternatives, each at the start of a word. A label
 * is matched once per category, not once per keyword (about 20 scans instead of about 400).
 */
export function compileKeywords(keywords: Record<string, string[]>): KeywordTable {
  return Object.entries(keywords).map(([id, words]) => [id, [new RegExp(`(^|[^\\p{L}\\p{N}])(?:${words.map((w) => escape(fold(w))).join('|')})`, 'u')]]);
}

/** Every taxonomy id whose keywords occur in a free-text category, in taxonomy order. */
export function categoriesIn(text: string, table: KeywordTable): string[] {
  const folded = fold(text);
  return table.filter(([, patterns]) => patterns.some((p) => p.test(folded))).map(([id]) => id);
}
