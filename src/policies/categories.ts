import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SchemaRegistry } from '../formats/schema-registry.js';
import type { CategoryId } from '../formats/types.generated.js';
import { policiesDir } from '../paths.js';

export interface Category {
  id: CategoryId;
  kind: 'content' | 'non-content';
  label: string;
  examples: string;
}

/**
 * The data-category taxonomy with labels and examples. The ids themselves are fixed by
 * the declaration schema (common.schema.json#/$defs/categoryId): the file must list
 * exactly those, in that order, so there is one source of truth for what a category is.
 */
export function loadCategories(registry: SchemaRegistry, file = path.join(policiesDir, 'categories.json')): Category[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { categories: Category[] };
  const ids = ((registry.schema('common') as { $defs: { categoryId: { enum: string[] } } }).$defs.categoryId.enum);
  const listed = data.categories.map((c) => c.id);
  if (JSON.stringify(listed) !== JSON.stringify(ids))
    throw new Error(`${file} must list the taxonomy ids of common.schema.json in order: ${ids.join(', ')}`);
  return data.categories;
}
