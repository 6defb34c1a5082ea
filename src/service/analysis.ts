import type { Declaration } from '../formats/types.generated.js';

/** What the service derives from one declaration version. */
export interface Analysis {
  categoriesCollected: number;
}

export function analyzeDeclaration(declaration: Declaration, _previous: Declaration | undefined): Analysis {
  return { categoriesCollected: declaration.dataCategories.filter((c) => c.collected !== 'no').length };
}
