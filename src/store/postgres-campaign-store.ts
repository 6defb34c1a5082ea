import type pg from 'pg';
import { announce } from './postgres-change-feed.js';
import { inTransaction } from './postgres-pool.js';
import { StoreWriteError } from './store.js';
import type { CampaignRecord, RevisionRecord } from '../campaigns/campaign-record.js';
import { CampaignExistsError, type CampaignStore, type NewCampaign, type NewRevision } from '../campaigns/campaign-store.js';

type Db = pg.Pool | pg.PoolClient;

interface CampaignRow {
  record: Omit<CampaignRecord, 'revisions'>;
  revisions: { n: number; record: Omit<RevisionRecord, 'n'> }[];
}

async function readCampaigns(db: Db, campaignId: string | null): Promise<CampaignRecord[]> {
  const { rows } = await db.query<CampaignRow>(
    `SELECT c.record,
            COALESCE((SELECT json_agg(json_build_object('n', r.n, 'record', r.record) ORDER BY r.n)
                      FROM campaign_revisions r WHERE r.campaign_id = c.id), '[]') AS revisions
       FROM campaigns c WHERE ($1::text IS NULL OR c.id = $1) ORDER BY c.id COLLATE "C"`,
    [campaignId],
  );
  return rows.map((row) => ({ ...row.record, revisions: row.revisions.map((r) => ({ ...r.record, n: r.n })) }));
}

/**
 * Campaigns in PostgreSQL (migration 006): a row per campaign as created and a row per
 * revision, both only ever inserted (the schema refuses UPDATE and DELETE). A revision is
 * numbered under a transaction-scoped advisory lock on its campaign, so the runtime role
 * needs SELECT and INSERT only. Each write announces the campaign on the change feed.
 */
export class PostgresCampaignStore implements CampaignStore {
  constructor(private readonly pool: pg.Pool) {}

  list(): Promise<CampaignRecord[]> {
    return readCampaigns(this.pool, null);
  }

  async get(campaignId: string): Promise<CampaignRecord | undefined> {
    return (await readCampaigns(this.pool, campaignId))[0];
  }

  create(campaign: NewCampaign): Promise<CampaignRecord> {
    return this.write(campaign.id, `create campaign ${campaign.id}`, async (client) => {
      const stored = JSON.stringify(campaign);
      const { rowCount } = await client.query('INSERT INTO campaigns (id, record) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [campaign.id, stored]);
      if (rowCount !== 1) throw new CampaignExistsError(campaign.id);
      return { ...(JSON.parse(stored) as NewCampaign), revisions: [] };
    });
  }

  revise(campaignId: string, revision: NewRevision): Promise<RevisionRecord | undefined> {
    return this.write(campaignId, `revise campaign ${campaignId}`, async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('campaign:' || $1))", [campaignId]);
      const { rows } = await client.query<{ next: number | null }>(
        'SELECT (SELECT COALESCE(MAX(n), 0) + 1 FROM campaign_revisions WHERE campaign_id = $1) AS next FROM campaigns WHERE id = $1',
        [campaignId],
      );
      if (rows.length === 0) return undefined;
      const stored = JSON.stringify(revision);
      await client.query('INSERT INTO campaign_revisions (campaign_id, n, record) VALUES ($1, $2, $3)', [campaignId, rows[0].next, stored]);
      return { ...(JSON.parse(stored) as NewRevision), n: rows[0].next! };
    });
  }

  /** The pool belongs to whoever opened it. */
  async close(): Promise<void> {}

  private async write<T>(campaignId: string, what: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(this.pool, async (client) => {
        const result = await work(client);
        if (result !== undefined) await announce(client, { kind: 'campaign', campaignId });
        return result;
      });
    } catch (error) {
      if (error instanceof CampaignExistsError) throw error;
      throw new StoreWriteError(`could not ${what}: ${(error as Error).message}`, error);
    }
  }
}
