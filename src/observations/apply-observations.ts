import type { Declaration } from '../formats/types.generated.js';
import type { FormatPlace } from './format-place.js';
import { putAtLeast } from './at-least.js';
import { isMissing, locate, put } from './walk-declaration.js';

/**
 * The least an observation needs to be applied: its number, date, place and value. A fact
 * of an assessment is applied the same way, numbered within its assessment (`assessment`),
 * and its lists read as "at least these" (`atLeast`).
 */
export interface PlacedObservation {
  id: number;
  observedAt: string;
  pointer: string;
  value: unknown;
  place: FormatPlace;
  assessment?: number;
  atLeast?: boolean;
}

/** What became of one fact of an assessment. */
export interface AssessedOutcome {
  assessment: number;
  fact: number;
  applied: boolean;
  reason?: string;
}

export interface ObservedDeclaration {
  declaration: Declaration;
  /** Observations put in place of the declared fact, in the order applied. */
  applied: number[];
  /** Observations whose place this declaration does not have (a party it no longer lists). */
  unapplied: { id: number; reason: string }[];
  /** Facts of assessments, applied or not (and why). */
  assessed: AssessedOutcome[];
}

/**
 * Outer places first (a party asserted with `-` before a capability of it), then older
 * before newer, so the latest evidence about a fact is the one that stands.
 */
const order = (a: PlacedObservation, b: PlacedObservation) =>
  a.place.steps.length - b.place.steps.length || a.observedAt.localeCompare(b.observedAt) || (a.assessment ?? 0) - (b.assessment ?? 0) || a.id - b.id;

/**
 * The declaration "as observed": each observed fact put in place of the declared one. Pure;
 * the declaration passed in is not changed. Only active observations should be passed.
 */
export function applyObservations(declaration: Declaration, observations: PlacedObservation[]): ObservedDeclaration {
  const doc = structuredClone(declaration) as unknown as Record<string, unknown>;
  const applied: number[] = [];
  const unapplied: ObservedDeclaration['unapplied'] = [];
  const assessed: AssessedOutcome[] = [];
  for (const o of [...observations].sort(order)) {
    if (o.assessment !== undefined) {
      const reason = o.atLeast ? putAtLeast(doc, o.place.steps, o.value) : putExactly(doc, o);
      assessed.push({ assessment: o.assessment, fact: o.id, applied: reason === undefined, ...(reason !== undefined ? { reason } : {}) });
      continue;
    }
    const slot = locate(doc, o.place.steps, true);
    if (isMissing(slot)) {
      unapplied.push({ id: o.id, reason: slot.missing });
      continue;
    }
    put(slot, o.value);
    applied.push(o.id);
  }
  return { declaration: doc as unknown as Declaration, applied, unapplied, assessed };
}

function putExactly(doc: Record<string, unknown>, o: PlacedObservation): string | undefined {
  const slot = locate(doc, o.place.steps, true);
  if (isMissing(slot)) return slot.missing;
  put(slot, o.value);
  return undefined;
}
