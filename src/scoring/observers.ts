import { indexed } from './facts.js';
import { exact, max, span, ZERO, type Range } from './range.js';
import type { Declaration, ModelParameters, Unknown } from './types.js';
import { unknown } from './unknowns.js';

type DataCategory = Declaration['dataCategories'][number];

/** Who can observe a category on its way, as the declaration answers it: the same in every jurisdiction. */
export interface Observers {
  weight: Range;
  /** Index of the strongest observer in the interception list; -1 when none, or the list is missing. */
  at: number;
  unknowns: Unknown[];
}

/**
 * A missing interception list is unanswered (anyone may observe, or no one); a present list
 * names every party that can observe or retain (the provider itself is not an observer on the path).
 */
export function observersOf(entry: DataCategory, interceptionAt: string, missing: Unknown, params: ModelParameters): Observers {
  const t = params.transit;
  if (entry.collected === 'no' || entry.interception === undefined) return { weight: span(0, t.observers.retain.value), at: -1, unknowns: [missing] };
  const unknowns: Unknown[] = [];
  const best = entry.interception.reduce(
    (best, e, i) => {
      if (e.party === 'provider') return best;
      const w = e.capability === 'undisclosed' ? span(0, t.observers.retain.value) : exact(t.observers[e.capability].value);
      if (e.capability === 'undisclosed') unknowns.push(unknown('declaration', indexed(interceptionAt, i), 'capability not disclosed'));
      return w.hi > best.weight.hi ? { weight: max(best.weight, w), at: i } : { weight: max(best.weight, w), at: best.at };
    },
    { weight: ZERO as Range, at: -1 },
  );
  return { ...best, unknowns };
}
