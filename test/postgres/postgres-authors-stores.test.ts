import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import type { AssessmentRecord } from '../../src/assessments/assessment-record.js';
import { PostgresCampaignStore } from '../../src/store/postgres-campaign-store.js';
import { ASSESSMENT_TABLES, PostgresRecordStore } from '../../src/store/postgres-observation-store.js';
import { PostgresChangeFeed, type FeedEvent } from '../../src/store/postgres-change-feed.js';
import { migrate } from '../../src/store/postgres-migrations.js';
import { openPool } from '../../src/store/postgres-pool.js';
import { describeAssessmentStoreContract, newAssessment } from '../assessments/assessment-store-contract.js';
import { describeCampaignStoreContract, newCampaign } from '../campaigns/campaign-store-contract.js';
import { startTestDatabase, type TestDatabase } from './test-database.js';

let db: TestDatabase;
let pool: pg.Pool;
beforeAll(async () => {
  db = await startTestDatabase();
  pool = openPool(db.url, { max: 10 });
  await migrate(pool);
});
afterAll(async () => {
  await pool?.end();
  await db?.stop();
});

// Emptied between the contract's tests (the append-only triggers are switched off for that only).
async function empty(tables: string[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SET session_replication_role = 'replica'");
    await client.query(`TRUNCATE ${tables.join(', ')}`);
  } finally {
    await client.query("SET session_replication_role = 'origin'");
    client.release();
  }
}
const assessmentStore = (p = pool) => new PostgresRecordStore<AssessmentRecord>(p, ASSESSMENT_TABLES);

describeAssessmentStoreContract('PostgreSQL assessments', async () => ({
  persistent: true,
  open: async () => assessmentStore(),
  dispose: () => empty(['assessment_withdrawals', 'assessment_responses', 'assessments', 'assessment_counters']),
}));
describeCampaignStoreContract('PostgresCampaignStore', async () => ({
  persistent: true,
  open: async () => new PostgresCampaignStore(pool),
  dispose: () => empty(['campaign_revisions', 'campaigns']),
}));

describe('PostgreSQL authors tables (beyond the shared contracts)', () => {
  it('number without gaps when two replicas (two pools) write at once', async () => {
    await empty(['assessment_withdrawals', 'assessment_responses', 'assessments', 'assessment_counters', 'campaign_revisions', 'campaigns']);
    const other = openPool(db.url, { max: 5 });
    try {
      const records = await Promise.all(Array.from({ length: 10 }, (_, i) => assessmentStore(i % 2 ? pool : other).append('skype-2013', newAssessment())));
      expect(records.map((r) => r.id).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
      const [a, b] = [new PostgresCampaignStore(pool), new PostgresCampaignStore(other)];
      await a.create(newCampaign());
      const revisions = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).revise('letter-2013', { action: 'amend', title: `T${i}`, at: '2026-01-03T00:00:00.000Z', by: 'k' })));
      expect(revisions.map((r) => r!.n).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    } finally {
      await other.end();
    }
  });

  it('refuse to change or delete what was recorded, even by hand', async () => {
    await empty(['assessment_withdrawals', 'assessment_responses', 'assessments', 'assessment_counters', 'campaign_revisions', 'campaigns']);
    await assessmentStore().append('skype-2013', newAssessment());
    await new PostgresCampaignStore(pool).create(newCampaign());
    await new PostgresCampaignStore(pool).revise('letter-2013', { action: 'withdraw', at: '2026-01-03T00:00:00.000Z', by: 'k' });
    for (const table of ['assessments', 'campaigns', 'campaign_revisions']) {
      await expect(pool.query(`UPDATE ${table} SET record = '{}'`)).rejects.toThrow(/append-only/);
      await expect(pool.query(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
    }
  });

  it('announce assessments and campaigns on the change feed after they commit', async () => {
    const feed = await PostgresChangeFeed.open(db.url, () => undefined);
    const events: FeedEvent[] = [];
    feed.on((e) => events.push(e));
    try {
      await assessmentStore().append('silent-chat', newAssessment());
      await new PostgresCampaignStore(pool).create(newCampaign('feed-test'));
      for (let i = 0; i < 50 && events.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
      expect(events).toEqual(expect.arrayContaining([{ kind: 'assessment', providerId: 'silent-chat' }, { kind: 'campaign', campaignId: 'feed-test' }]));
    } finally {
      await feed.close();
    }
  });
});
