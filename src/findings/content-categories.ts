import { readFileSync } from 'node:fs';
import path from 'node:path';
import { policiesDir } from '../paths.js';

let cached: ReadonlySet<string> | undefined;

/** Taxonomy ids of kind "content", read once from policies/categories.json. */
export function contentCategoryIds(): ReadonlySet<string> {
  if (cached) return cached;
  const data = JSON.parse(readFileSync(path.join(policiesDir, 'categories.json'), 'utf8')) as { categories: { id: string; kind: string }[] };
  cached = new Set(data.categories.filter((c) => c.kind === 'content').map((c) => c.id));
  return cached;
}
