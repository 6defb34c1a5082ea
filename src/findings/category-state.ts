import type { Declaration } from '../formats/types.generated.js';

/**
 * Indexes of categories the declaration says are not collected, or not kept beyond the
 * session (`retention.kind: "none"`), by category id. A category it does not mention is
 * absent: silence is not a statement.
 */
export function categoriesNotKept(declaration: Declaration): Map<string, number> {
  const out = new Map<string, number>();
  declaration.dataCategories.forEach((c, i) => {
    if (c.collected === 'no' || c.retention?.kind === 'none') out.set(c.category, i);
  });
  return out;
}

export const notKeptWording = (declaration: Declaration, index: number) =>
  declaration.dataCategories[index].collected === 'no' ? 'not collected' : 'not kept';
