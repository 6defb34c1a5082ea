import type { Observation, ObservationResponse } from '../formats/types.generated.js';

/** A provider's answer as stored: numbered per observation, never changed. */
export interface ResponseRecord extends ObservationResponse {
  id: number;
  recordedAt: string;
  /** Id of the key that wrote it. */
  recordedBy: string;
}

/** An admin's withdrawal: the observation is kept, marked, and no longer used. */
export interface Withdrawal {
  at: string;
  by: string;
  reason?: string;
}

/**
 * An observation as stored: the submitted body, numbered 1, 2, 3… per provider, with who
 * recorded it. Its content never changes; responses and a withdrawal are added beside it.
 */
export interface ObservationRecord extends Observation {
  providerId: string;
  id: number;
  /** The organisation of the key that recorded it. */
  organisation: string;
  recordedAt: string;
  recordedBy: string;
  responses: ResponseRecord[];
  withdrawn?: Withdrawal;
}

export type ObservationStatus = 'active' | 'superseded' | 'withdrawn';

/** What readers see: the record, whether it is still used, and which later one replaced it. */
export interface ObservationView extends ObservationRecord {
  status: ObservationStatus;
  supersededBy?: number;
}

/**
 * Marks each observation of one provider: withdrawn ones are kept but unused; one that a
 * later observation (not itself withdrawn) supersedes is replaced by it.
 */
export function withStatus<R extends { id: number; supersedes?: number; withdrawn?: Withdrawal }>(records: R[]): (R & { status: ObservationStatus; supersededBy?: number })[] {
  const supersededBy = new Map<number, number>();
  for (const r of records) if (r.supersedes !== undefined && !r.withdrawn) supersededBy.set(r.supersedes, r.id);
  return records.map((r) => {
    const by = supersededBy.get(r.id);
    const status: ObservationStatus = r.withdrawn ? 'withdrawn' : by !== undefined ? 'superseded' : 'active';
    return { ...r, status, ...(by !== undefined ? { supersededBy: by } : {}) };
  });
}

export const activeOnly = <V extends { status: ObservationStatus }>(views: V[]) => views.filter((v) => v.status === 'active');
