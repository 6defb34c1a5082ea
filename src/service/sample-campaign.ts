import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Caller } from '../auth/api-key.js';
import type { Campaign } from '../formats/types.generated.js';
import { policiesDir } from '../paths.js';
import type { CampaignService } from './campaign-service.js';

interface SampleCampaign {
  organisation: string;
  campaign: Omit<Campaign, 'providers'> & { providers: string[] };
}

/**
 * Loads the illustrative sample campaign (policies/campaigns/coalition-letter.json: the
 * coalition letter's five asks) into an empty campaign store, sent to the sample providers
 * that are loaded, through the same checks as any reviewer's campaign. Returns whether it did.
 */
export async function loadSampleCampaign(service: CampaignService, providerIds: string[], file = path.join(policiesDir, 'campaigns', 'coalition-letter.json')): Promise<boolean> {
  if ((await service.list()).length > 0 || providerIds.length === 0) return false;
  const sample = JSON.parse(await readFile(file, 'utf8')) as SampleCampaign;
  const caller: Caller = { keyId: 'sample-data', role: 'reviewer', providerId: null, organisation: sample.organisation };
  await service.create({ ...sample.campaign, providers: [...providerIds].sort() }, caller);
  return true;
}
