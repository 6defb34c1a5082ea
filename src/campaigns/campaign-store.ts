import type { CampaignRecord, RevisionRecord } from './campaign-record.js';

/** What the service hands the store for a new campaign: everything but its revisions. */
export type NewCampaign = Omit<CampaignRecord, 'revisions'>;
export type NewRevision = Omit<RevisionRecord, 'n'>;

/** A campaign id is taken (HTTP 409): ids are never reused, not even after a withdrawal. */
export class CampaignExistsError extends Error {
  constructor(readonly campaignId: string) {
    super(`campaign "${campaignId}" already exists`);
  }
}

/**
 * The campaign port. A campaign is created once under an id nobody has used; it changes only
 * by revisions, numbered 1, 2, 3… and never changed. Every write resolves only once durable
 * and throws StoreWriteError, changing nothing, when it cannot be. Adapters: memory (tests),
 * lowdb file (DATA_DIR/campaigns.json), PostgreSQL (append-only tables).
 */
export interface CampaignStore {
  /** Every campaign with its revisions, by id. */
  list(): Promise<CampaignRecord[]>;
  get(campaignId: string): Promise<CampaignRecord | undefined>;
  /** Throws CampaignExistsError when the id is taken. */
  create(campaign: NewCampaign): Promise<CampaignRecord>;
  /** Undefined when there is no such campaign. */
  revise(campaignId: string, revision: NewRevision): Promise<RevisionRecord | undefined>;
  close(): Promise<void>;
}

/** Campaigns in memory: tests, and instances that keep nothing. */
export class MemoryCampaignStore implements CampaignStore {
  private readonly byId = new Map<string, CampaignRecord>();

  async list(): Promise<CampaignRecord[]> {
    return [...this.byId.keys()].sort().map((id) => structuredClone(this.byId.get(id)!));
  }

  async get(campaignId: string): Promise<CampaignRecord | undefined> {
    return structuredClone(this.byId.get(campaignId));
  }

  async create(campaign: NewCampaign): Promise<CampaignRecord> {
    if (this.byId.has(campaign.id)) throw new CampaignExistsError(campaign.id);
    const record: CampaignRecord = { ...structuredClone(campaign), revisions: [] };
    this.byId.set(campaign.id, record);
    return structuredClone(record);
  }

  async revise(campaignId: string, revision: NewRevision): Promise<RevisionRecord | undefined> {
    const record = this.byId.get(campaignId);
    if (!record) return undefined;
    const stored: RevisionRecord = { ...structuredClone(revision), n: record.revisions.length + 1 };
    record.revisions.push(stored);
    return structuredClone(stored);
  }

  async close(): Promise<void> {}
}
