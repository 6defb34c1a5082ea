import { pointer } from '../formats/json-pointer.js';
import type { CategoryId, Declaration } from './types.js';

type DataCategory = Declaration['dataCategories'][number];

/** One taxonomy category as the declaration answers it, with the pointers its cells cite. */
export interface CategoryEntry {
  entry: DataCategory;
  /** False when the declaration does not list the category: it counts as `collected: "undisclosed"`. */
  listed: boolean;
  sensitivity: number;
  at: {
    category: string;
    collected: string;
    protection: string;
    atRest: string;
    inTransit: string;
    retention: string;
    interception: string;
    storageLocations: string;
    storage: string[];
  };
}

/**
 * Every category of the taxonomy, in taxonomy order. A category the declaration does not list
 * is unanswered, not "not collected": it becomes `{ collected: "undisclosed" }` and every pointer
 * of its cells is `/dataCategories`, where the answer would go.
 */
export function categoryEntries(decl: Declaration, taxonomy: readonly { category: CategoryId; sensitivity: number }[]): CategoryEntry[] {
  const byId = new Map<string, number>();
  decl.dataCategories.forEach((e, i) => {
    if (!byId.has(e.category)) byId.set(e.category, i);
  });
  return taxonomy.map(({ category, sensitivity }) => {
    const i = byId.get(category);
    if (i === undefined) {
      const base = '/dataCategories';
      return {
        entry: { category, collected: 'undisclosed' },
        listed: false,
        sensitivity,
        at: { category: base, collected: base, protection: base, atRest: base, inTransit: base, retention: base, interception: base, storageLocations: base, storage: [] },
      };
    }
    const entry = decl.dataCategories[i];
    return {
      entry,
      listed: true,
      sensitivity,
      at: {
        category: pointer('dataCategories', i, 'category'),
        collected: pointer('dataCategories', i, 'collected'),
        protection: pointer('dataCategories', i, 'protection'),
        atRest: pointer('dataCategories', i, 'protection', 'atRest'),
        inTransit: pointer('dataCategories', i, 'protection', 'inTransit'),
        retention: pointer('dataCategories', i, 'retention'),
        interception: pointer('dataCategories', i, 'interception'),
        storageLocations: pointer('dataCategories', i, 'storageLocations'),
        storage: Array.isArray(entry.storageLocations) ? entry.storageLocations.map((_, k) => pointer('dataCategories', i, 'storageLocations', k)) : [],
      },
    };
  });
}
