import type { Declaration } from '../formats/types.generated.js';
import { compareObserved, type Relation } from '../observations/compare-observed.js';
import type { ObservationView } from '../observations/observation-record.js';
import type { ExposureResult } from '../scoring/index.js';
import type { ObservationService } from './observation-service.js';
import { differences, type CellDifference } from './observed-exposure.js';
import type { ObservedReader } from './observed-reader.js';

/** One observation as the provider page shows it: the record, and how it relates to the declaration. */
export interface EvidenceItem {
  observation: ObservationView;
  /** Undefined when not active, or when the declaration has no such place. */
  relation?: Relation;
  declared?: unknown;
}

/** What the provider page needs to show claims and evidence side by side. */
export interface EvidenceView {
  providerId: string;
  declaredByProvider: boolean;
  items: EvidenceItem[];
  /** Cells whose bounds differ between "as declared" and "as observed", and the observations behind each. */
  differences: CellDifference[];
  /** Places where active observations disagree: all of them are shown, and which one the observed view uses. */
  conflicts: EvidenceConflict[];
  lawDate: string;
}

/** Two or more active observations at one place with different values. */
export interface EvidenceConflict {
  pointer: string;
  /** Oldest first, as they are applied. */
  observations: { id: number; value: unknown; observedAt: string; organisation: string }[];
  /** The one the observed view rests on: the latest by `observedAt` (then by number). */
  used: number;
}

/**
 * Where active observations disagree on a value at one place. The observed view applies
 * them in date order, so the latest wins; a reader must still see that the evidence
 * disagrees. List values are left out: lists from several sources add up (“at least
 * these”), they do not contradict one another.
 */
export function evidenceConflicts(observations: readonly ObservationView[]): EvidenceConflict[] {
  const byPlace = new Map<string, ObservationView[]>();
  for (const o of observations) {
    if (o.status !== 'active' || Array.isArray(o.value)) continue;
    byPlace.set(o.pointer, [...(byPlace.get(o.pointer) ?? []), o]);
  }
  const out: EvidenceConflict[] = [];
  for (const [pointer, list] of byPlace) {
    if (new Set(list.map((o) => JSON.stringify(o.value))).size < 2) continue;
    const ordered = [...list].sort((a, b) => a.observedAt.localeCompare(b.observedAt) || a.id - b.id);
    out.push({ pointer, observations: ordered.map((o) => ({ id: o.id, value: o.value, observedAt: o.observedAt, organisation: o.organisation })), used: ordered.at(-1)!.id });
  }
  return out;
}

/** Claims and evidence of one provider, for pages: each observation's relation to the declared fact, and where the two views differ. */
export async function evidenceView(
  observations: ObservationService,
  reader: ObservedReader,
  providerId: string,
  declared: { declaration: Declaration; result: ExposureResult },
  lawDate: string,
): Promise<EvidenceView> {
  const facts = new Map(observations.facts(providerId).map((f) => [f.id, f]));
  const items = observations.list(providerId).map((observation): EvidenceItem => {
    const fact = facts.get(observation.id);
    const comparison = fact ? compareObserved(declared.declaration, fact.place, fact.value) : undefined;
    return { observation, ...(comparison ? { relation: comparison.relation, declared: comparison.declared } : {}) };
  });
  const view = items.length > 0 ? await reader.of(providerId, { lawDate }) : undefined;
  return {
    providerId,
    declaredByProvider: (await observations.baseOf(providerId))?.declaredByProvider ?? true,
    items,
    differences: view ? differences(declared.result, view.observed) : [],
    conflicts: evidenceConflicts(items.map((i) => i.observation)),
    lawDate,
  };
}
