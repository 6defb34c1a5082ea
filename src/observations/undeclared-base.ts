import type { Declaration } from '../formats/types.generated.js';

export interface UndeclaredProvider {
  providerId: string;
  name: string;
  /** The date of the latest observation: what the observed view describes. */
  asOf: string;
  /** Every category id of the taxonomy. */
  categories: readonly string[];
}

/**
 * The declaration of a provider that never declared: it answers nothing. Every category
 * is listed as `collected: "undisclosed"` (what an unlisted category means anyway, made
 * explicit), and every other question is left out, so the model's ranges stay wide
 * wherever no observation says otherwise.
 */
export function undeclaredBase({ providerId, name, asOf, categories }: UndeclaredProvider): Declaration {
  return {
    format: 'retention-declaration/1',
    provider: { id: providerId, name },
    asOf,
    dataCategories: categories.map((category) => ({ category, collected: 'undisclosed' })),
  } as Declaration;
}
