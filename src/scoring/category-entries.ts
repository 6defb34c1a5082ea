import { pointer } from '../formats/json-pointer.js';
import type { Citation } from './facts.js';
import { feasibility, type CategoryFeasibility } from './feasibility.js';
import { observersOf, type Observers } from './observers.js';
import type { Declaration, ModelParameters, Unknown } from './types.js';
import { unknown } from './unknowns.js';

type DataCategory = Declaration['dataCategories'][number];

/** One taxonomy category as the declaration answers it, with the pointers its cells cite. */
export interface CategoryEntry {
  /**
   * The category as the model reads it: the declaration's answer, with its protection made
   * feasible (P13). Where a constraint makes the category readable to the provider, an
   * unanswered protection at rest reads as `provider-managed` and in transit as `readable`
   * (transport or none: not end to end), and a contradicting `end-to-end` reads as
   * `provider-managed` / `transport`, the least exposing readable answers.
   */
  entry: DataCategory;
  /** The constraints that make it readable, when any hold (see feasibility.ts). */
  forced?: CategoryFeasibility;
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
  const feasible = feasibility(decl, params).byCategory;
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
    const forced = feasible.get(category);
    const entry = forced === undefined ? decl.dataCategories[i] : feasibleEntry(decl.dataCategories[i], forced);
    const ce = withPointers(entry, true, sensitivity, {
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
    if (forced !== undefined) ce.forced = forced;
    return ce;
  });
}

/** Protection in transit known to be readable by the provider but not answered: transport or none. */
export const READABLE_IN_TRANSIT = 'readable' as const;

function feasibleEntry(entry: DataCategory, forced: CategoryFeasibility): DataCategory {
  const atRest = entry.protection?.atRest;
  const inTransit = entry.protection?.inTransit;
  const rest = forced.atRest.length > 0 && (atRest === undefined || atRest === 'undisclosed' || atRest === 'end-to-end') ? 'provider-managed' : atRest;
  const transit = forced.inTransit.length === 0 ? inTransit : inTransit === 'end-to-end' ? 'transport' : inTransit === undefined || inTransit === 'undisclosed' ? READABLE_IN_TRANSIT : inTransit;
  if (rest === atRest && transit === inTransit) return entry;
  const protection = { ...(rest === undefined ? {} : { atRest: rest }), ...(transit === undefined ? {} : { inTransit: transit }) };
  return { ...entry, protection } as DataCategory;
}
