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
  lawDate: string;
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
    lawDate,
  };
}
