import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { MemoryCampaignStore } from '../../src/campaigns/campaign-store.js';
import { LowdbCampaignStore } from '../../src/store/lowdb-campaign-store.js';
import { MemoryRecordStore } from '../../src/observations/observation-store.js';
import type { AssessmentRecord } from '../../src/assessments/assessment-record.js';
import { LowdbAssessmentStore } from '../../src/store/lowdb-observation-store.js';
import { StoreOpenError } from '../../src/store/store.js';
import { describeCampaignStoreContract } from './campaign-store-contract.js';
import { describeAssessmentStoreContract } from '../assessments/assessment-store-contract.js';

describeCampaignStoreContract('MemoryCampaignStore', async () => ({ open: async () => new MemoryCampaignStore(), persistent: false, dispose: async () => undefined }));
describeCampaignStoreContract('LowdbCampaignStore', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'ra-campaigns-'));
  return { open: () => LowdbCampaignStore.open(dir), persistent: true, dispose: () => rm(dir, { recursive: true, force: true }) };
});
describeAssessmentStoreContract('MemoryRecordStore of assessments', async () => ({ open: async () => new MemoryRecordStore<AssessmentRecord>(), persistent: false, dispose: async () => undefined }));
describeAssessmentStoreContract('LowdbAssessmentStore', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'ra-assessments-'));
  return { open: () => LowdbAssessmentStore.open(dir), persistent: true, dispose: () => rm(dir, { recursive: true, force: true }) };
});

describe('file stores of authors', () => {
  it('refuse to open a campaign file or an assessment file that is not theirs, leaving it alone', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ra-authors-'));
    try {
      await writeFile(path.join(dir, 'campaigns.json'), '{"campaigns":[{"id":"x"}]}');
      await expect(LowdbCampaignStore.open(dir)).rejects.toBeInstanceOf(StoreOpenError);
      await LowdbAssessmentStore.open(dir);
      await writeFile(path.join(dir, 'assessments', 'skype-2013.json'), '{"providerId":"skype-2013","assessments":[{"id":1,"responses":[]}]}');
      await expect(LowdbAssessmentStore.open(dir)).rejects.toBeInstanceOf(StoreOpenError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
