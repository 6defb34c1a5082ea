import type { Campaign } from '../formats/types.generated.js';

/** What a revision may change (`schemas/campaign.schema.json#/$defs/revision`). */
export type CampaignChanges = Partial<Omit<Campaign, 'id'>>;

/** The body of `POST /v1/campaigns/{id}/revisions`. */
export type CampaignRevision = CampaignChanges & { action: 'amend' | 'withdraw'; note?: string };

/** A revision as stored: numbered 1, 2, 3… per campaign, never changed. */
export interface RevisionRecord extends CampaignRevision {
  n: number;
  at: string;
  by: string;
}

/**
 * A campaign as stored: the body as first created, the organisation of the key that created
 * it, and its revisions in order. What it says now is the original with every amendment
 * applied in turn (`currentCampaign`); nothing is ever rewritten.
 */
export interface CampaignRecord extends Campaign {
  organisation: string;
  createdAt: string;
  createdBy: string;
  revisions: RevisionRecord[];
}

/** The campaign as it stands: amendments applied in order; withdrawn once a revision withdraws it. */
export interface CurrentCampaign extends Campaign {
  organisation: string;
  createdAt: string;
  status: 'active' | 'withdrawn';
  /** When it was last revised (absent: never). */
  revisedAt?: string;
  revisions: RevisionRecord[];
}

const CHANGEABLE = ['title', 'asks', 'providers', 'sentOn', 'replyDueBy', 'sources'] as const;

export function currentCampaign(record: CampaignRecord): CurrentCampaign {
  const { createdBy: _by, revisions, ...original } = record;
  const now: CurrentCampaign = { ...structuredClone(original), status: 'active', revisions };
  for (const r of revisions) {
    for (const field of CHANGEABLE) if (r[field] !== undefined) (now as unknown as Record<string, unknown>)[field] = structuredClone(r[field]);
    if (r.action === 'withdraw') now.status = 'withdrawn';
    now.revisedAt = r.at;
  }
  return now;
}
