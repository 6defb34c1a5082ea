import path from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile } from './durable-json-file.js';
import { SerialQueue } from './serial-queue.js';
import { StoreOpenError, StoreWriteError } from './store.js';
import type { CampaignRecord, RevisionRecord } from '../campaigns/campaign-record.js';
import { CampaignExistsError, type CampaignStore, type NewCampaign, type NewRevision } from '../campaigns/campaign-store.js';

interface CampaignFile {
  campaigns: CampaignRecord[];
}

/**
 * Campaigns in `DATA_DIR/campaigns.json` (one lowdb file; campaigns are few), each write
 * made durable (fsync + rename) before it is acknowledged and serialised with the others;
 * a failed write leaves the file and the memory as they were.
 */
export class LowdbCampaignStore implements CampaignStore {
  private readonly queue = new SerialQueue();

  private constructor(private readonly db: Low<CampaignFile>) {}

  static async open(dataDir: string): Promise<LowdbCampaignStore> {
    const file = path.join(dataDir, 'campaigns.json');
    const db = new Low<CampaignFile>(new DurableJsonFile(file), { campaigns: [] });
    await db.read();
    const ok = Array.isArray(db.data?.campaigns) && db.data.campaigns.every((c) => typeof c?.id === 'string' && Array.isArray(c.revisions) && Array.isArray(c.asks));
    if (!ok) throw new StoreOpenError(`campaign file ${file} does not hold campaigns; it was left untouched`, file);
    return new LowdbCampaignStore(db);
  }

  async list(): Promise<CampaignRecord[]> {
    return structuredClone([...this.db.data.campaigns].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  }

  async get(campaignId: string): Promise<CampaignRecord | undefined> {
    return structuredClone(this.db.data.campaigns.find((c) => c.id === campaignId));
  }

  create(campaign: NewCampaign): Promise<CampaignRecord> {
    return this.change(`create campaign ${campaign.id}`, (list) => {
      if (list.some((c) => c.id === campaign.id)) throw new CampaignExistsError(campaign.id);
      const record: CampaignRecord = { ...structuredClone(campaign), revisions: [] };
      return { list: [...list, record], result: record };
    });
  }

  revise(campaignId: string, revision: NewRevision): Promise<RevisionRecord | undefined> {
    return this.change(`revise campaign ${campaignId}`, (list) => {
      const target = list.find((c) => c.id === campaignId);
      if (!target) return { list, result: undefined };
      const stored: RevisionRecord = { ...structuredClone(revision), n: target.revisions.length + 1 };
      return { list: list.map((c) => (c === target ? { ...c, revisions: [...c.revisions, stored] } : c)), result: stored };
    });
  }

  private change<T>(what: string, next: (list: CampaignRecord[]) => { list: CampaignRecord[]; result: T }): Promise<T> {
    return this.queue.run('campaigns', async () => {
      const previous = this.db.data.campaigns;
      const { list, result } = next(previous);
      if (list === previous) return structuredClone(result);
      this.db.data.campaigns = list;
      try {
        await this.db.write();
      } catch (error) {
        this.db.data.campaigns = previous;
        throw new StoreWriteError(`could not ${what}: ${(error as Error).message}`, error);
      }
      return structuredClone(result);
    });
  }

  async close(): Promise<void> {
    await this.queue.drain();
  }
}
