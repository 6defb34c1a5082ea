import { pointer } from '../formats/json-pointer.js';
import type { Citation } from './facts.js';
import { observersOf, type Observers } from './observers.js';
import type { Declaration, ModelParameters, Unknown } from './types.js';
import { unknown } from './unknowns.js';

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
  /** What the retention window cites, without and with the provider's services (shared lists). */
  retentionFacts: readonly string[];
  retentionServicesFacts: readonly string[];
  /** Unanswered questions of the entry, one object each for the whole computation. */
  unknowns: {
    retention: Unknown;
    inTransit: Unknown;
    interception: Unknown;
    /** As the third-party pathway reads it: the data may not be end to end. */
    protection: Unknown;
  };
  /** Who can observe it on the way (not read for a category not collected). */
  observers: Observers;
  /** Citations every cell of the category starts with, made when first needed (see facts.ts). */
  cites: { protection?: Citation; inTransit?: Citation; retention?: Citation; retentionServices?: Citation };
}

function withPointers(entry: DataCategory, listed: boolean, sensitivity: number, at: CategoryEntry['at'], params: ModelParameters): CategoryEntry {
  const interception = unknown('declaration', at.interception, 'who can intercept it on the way is not answered');
  return {
    entry,
    listed,
    sensitivity,
    at,
    retentionFacts: Object.freeze([at.category, at.retention]),
    retentionServicesFacts: Object.freeze([at.category, at.retention, '/provider/services']),
    unknowns: {
      retention: unknown('declaration', at.retention, 'retention not disclosed'),
      inTransit: unknown('declaration', at.inTransit, 'protection in transit not disclosed'),
      interception,
      protection: unknown('declaration', at.protection, 'protection not disclosed: it may not be end to end'),
    },
    observers: observersOf(entry, at.interception, interception, params),
    cites: {},
  };
}

/**
 * Every category of the taxonomy, in taxonomy order. A category the declaration does not list
 * is unanswered, not "not collected": it becomes `{ collected: "undisclosed" }` and every pointer
 * of its cells is `/dataCategories`, where the answer would go.
 */
export function categoryEntries(decl: Declaration, params: ModelParameters): CategoryEntry[] {
  const byId = new Map<string, number>();
  decl.dataCategories.forEach((e, i) => {
    if (!byId.has(e.category)) byId.set(e.category, i);
  });
  return params.categories.map(({ category, sensitivity }) => {
    const i = byId.get(category);
    if (i === undefined) {
      const base = '/dataCategories';
      return withPointers({ category, collected: 'undisclosed' }, false, sensitivity, { category: base, collected: base, protection: base, atRest: base, inTransit: base, retention: base, interception: base, storageLocations: base, storage: [] }, params);
    }
    const entry = decl.dataCategories[i];
    return withPointers(entry, true, sensitivity, {
      category: pointer('dataCategories', i, 'category'),
      collected: pointer('dataCategories', i, 'collected'),
      protection: pointer('dataCategories', i, 'protection'),
      atRest: pointer('dataCategories', i, 'protection', 'atRest'),
      inTransit: pointer('dataCategories', i, 'protection', 'inTransit'),
      retention: pointer('dataCategories', i, 'retention'),
      interception: pointer('dataCategories', i, 'interception'),
      storageLocations: pointer('dataCategories', i, 'storageLocations'),
      storage: Array.isArray(entry.storageLocations) ? entry.storageLocations.map((_, k) => pointer('dataCategories', i, 'storageLocations', k)) : [],
    }, params);
  });
}
