import { describe, expect, it } from '@jest/globals';
import { loadSampleCampaign } from '../../src/service/sample-campaign.js';
import { loadSampleDeclarations } from '../../src/service/sample-data.js';
import { testService } from '../support/service.js';

describe('the sample campaign', () => {
  it("sends the coalition letter's five asks to the loaded sample providers, through the same checks, once", async () => {
    const service = await testService();
    const loaded = await loadSampleDeclarations(service.atlas);
    expect(await loadSampleCampaign(service.campaigns, loaded)).toBe(true);
    const [campaign] = await service.campaigns.list();
    expect(campaign.asks.map((a) => a.id)).toEqual(['government-requests', 'data-kept', 'interception', 'licensed-operators', 'lawful-interception']);
    expect(campaign.providers).toEqual([...loaded].sort());
    expect(campaign.title).toMatch(/illustrative/i);
    const card = await service.campaigns.scorecard(campaign);
    expect(card.rows).toHaveLength(5 * loaded.length);
    // Loaded today, long after the letter's date: nothing was answered when it was sent.
    expect(card.rows.every((r) => r.stateAtSentOn === 'unanswered')).toBe(true);
    expect(new Set(card.rows.map((r) => r.state)).size).toBeGreaterThan(1);
    expect(await loadSampleCampaign(service.campaigns, loaded)).toBe(false);
  });

  it('is not loaded without sample providers (a store that holds real data is left alone)', async () => {
    const service = await testService();
    expect(await loadSampleCampaign(service.campaigns, [])).toBe(false);
    expect(await service.campaigns.list()).toEqual([]);
  });
});
