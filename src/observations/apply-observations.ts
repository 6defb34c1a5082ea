import type { Declaration } from '../formats/types.generated.js';
import type { FormatPlace } from './format-place.js';
import { isMissing, locate, put } from './walk-declaration.js';

/** The least an observation needs to be applied: its number, date, place and value. */
export interface PlacedObservation {
  id: number;
  observedAt: string;
  pointer: string;
  value: unknown;
  place: FormatPlace;
}

export interface ObservedDeclaration {
  declaration: Declaration;
  /** Observations put in place of the declared fact, in the order applied. */
  applied: number[];
  /** Observations whose place this declaration does not have (a party it no longer lists). */
  unapplied: { id: number; reason: string }[];
}

/**
 * Outer places first (a party asserted with `-` before a capability of it), then older
 * before newer, so the latest evidence about a fact is the one that stands.
 */
const order = (a: PlacedObservation, b: PlacedObservation) =>
  a.place.steps.length - b.place.steps.length || a.observedAt.localeCompare(b.observedAt) || a.id - b.id;

/**
 * The declaration "as observed": each observed fact put in place of the declared one. Pure;
 * the declaration passed in is not changed. Only active observations should be passed.
 */
export function applyObservations(declaration: Declaration, observations: PlacedObservation[]): ObservedDeclaration {
  const doc = structuredClone(declaration) as unknown as Record<string, unknown>;
  const applied: number[] = [];
  const unapplied: ObservedDeclaration['unapplied'] = [];
  for (const o of [...observations].sort(order)) {
    const slot = locate(doc, o.place.steps, true);
    if (isMissing(slot)) {
      unapplied.push({ id: o.id, reason: slot.missing });
      continue;
    }
    put(slot, o.value);
    applied.push(o.id);
  }
  return { declaration: doc as unknown as Declaration, applied, unapplied };
}
