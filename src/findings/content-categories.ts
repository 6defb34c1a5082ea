import type { ModelParameters } from '../formats/types.generated.js';

/** Taxonomy ids of kind "content", from the model parameters the shell loaded (no file is read here). */
export function contentCategoryIds(params: Pick<ModelParameters, 'categories'>): ReadonlySet<string> {
  return new Set(params.categories.filter((c) => c.kind === 'content').map((c) => c.category));
}
