import type { Assessment } from '../formats/types.generated.js';
import type { ObservationStatus, ResponseRecord, Withdrawal } from '../observations/observation-record.js';
import type { RecordStore } from '../observations/observation-store.js';

/**
 * An assessment as stored: the submitted body exactly as given, numbered 1, 2, 3… per
 * provider, with the organisation of the key that recorded it. Its content never changes;
 * the provider's responses and an admin's withdrawal are added beside it.
 */
export interface AssessmentRecord extends Assessment {
  providerId: string;
  id: number;
  organisation: string;
  recordedAt: string;
  recordedBy: string;
  responses: ResponseRecord[];
  withdrawn?: Withdrawal;
}

/** What readers see: the record, whether it is still used, and which later one replaced it. */
export interface AssessmentView extends AssessmentRecord {
  status: ObservationStatus;
  supersededBy?: number;
}

export type AssessmentStore = RecordStore<AssessmentRecord>;
