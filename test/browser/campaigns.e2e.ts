import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations } from './axe.js';
import { collectPageErrors, type BrowserEnv } from './env.js';

const PAGE_LIMIT = 250 * 1024;

interface Scorecard {
  campaign: { id: string; asks: { id: string }[]; providers: string[] };
  rows: { providerId: string; askId: string; state: string; unanswered: string[] }[];
}

export function register(env: BrowserEnv): void {
  test('the campaign index and the sample campaign page: no scripts, under 250 KB, axe-clean, each open ask linked to its warnings', async () => {
    const card = (await (await fetch(`${env.baseUrl}/v1/campaigns/coalition-letter`)).json()) as Scorecard;
    assert.equal(card.campaign.asks.length, 5, "the sample campaign carries the coalition letter's five asks");
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    try {
      for (const url of ['/campaigns', '/campaigns/coalition-letter']) {
        const response = await page.goto(`${env.baseUrl}${url}`);
        assert.equal(response?.status(), 200, url);
        const html = await response!.text();
        assert.ok(Buffer.byteLength(html) < PAGE_LIMIT, `${url} is ${Buffer.byteLength(html)} bytes`);
        assert.equal(await page.locator('script').count(), 0, url);
        assert.deepEqual(await axeViolations(page), [], url);
      }
      // One table per provider, one row per ask, as the API says.
      assert.equal(await page.locator('main table').count(), card.campaign.providers.length);
      assert.equal(await page.locator('main table tbody tr').count(), card.rows.length);
      // An open ask links to the warnings that name it; the link lands on the provider's findings.
      const open = card.rows.find((r) => r.state !== 'answered');
      assert.ok(open, 'the sample providers leave some asks open');
      const link = page.locator(`section[aria-labelledby="p-${open.providerId}"] a[href="/providers/${open.providerId}#findings"]`).first();
      assert.ok(await link.isVisible());
      await page.screenshot({ path: env.screenshot('campaign-scorecard'), fullPage: false });
      await link.click();
      await page.waitForURL(`**/providers/${open.providerId}#findings`);
      assert.ok(await page.locator('#findings').isVisible());
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
}
