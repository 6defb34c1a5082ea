import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPageErrors, type BrowserEnv } from './env.js';

const PROVIDER = 'tandem-voice';

async function exposureCells(env: BrowserEnv, query = ''): Promise<{ category: string; jurisdiction: string; score: number }[]> {
  const response = await fetch(`${env.baseUrl}/v1/providers/${PROVIDER}/exposure${query}`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { cells: { category: string; jurisdiction: string; score: number }[] }).cells;
}

export function register(env: BrowserEnv): void {
  test('the provider report renders one heatmap cell per category × jurisdiction, with a legend and table fallback', async () => {
    const expected = await exposureCells(env);
    assert.ok(expected.length > 0);
    const page = await env.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = collectPageErrors(page);
    try {
      const response = await page.goto(`${env.baseUrl}/providers/${PROVIDER}`);
      assert.equal(response?.status(), 200);
      const heatmap = page.locator('svg.heatmap');
      await heatmap.waitFor();
      assert.equal(await heatmap.locator('rect.cell').count(), expected.length);
      assert.equal(await heatmap.locator('g.legend rect.legend-step').count(), 10);
      // Each cell carries its score and explains itself on hover.
      const first = expected[0];
      const rect = heatmap.locator(`rect.cell[data-category="${first.category}"][data-jurisdiction="${first.jurisdiction}"]`);
      assert.equal(Number(await rect.getAttribute('data-score')), first.score);
      assert.match(await rect.locator('title').textContent() ?? '', new RegExp(`× .+: ${first.score}/100, grade`));
      // The table fallback has a row per cell, and a cell links to its row.
      assert.equal(await page.locator('table.cells tbody tr').count(), expected.length);
      await page.locator(`a[href="#cell-${first.category}-${first.jurisdiction}"]`).first().click();
      assert.ok(page.url().endsWith(`#cell-${first.category}-${first.jurisdiction}`));
      await page.screenshot({ path: env.screenshot('provider-report'), fullPage: true });
      await heatmap.screenshot({ path: env.screenshot('provider-heatmap') });
      // Nothing refused by the Content-Security-Policy, no failed loads, no script errors.
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('the heatmap follows the jurisdiction and category filters', async () => {
    const expected = await exposureCells(env, '?jurisdiction=CN&category=message-content');
    const page = await env.browser.newPage();
    try {
      await page.goto(`${env.baseUrl}/providers/${PROVIDER}`);
      await page.selectOption('select[name="jurisdiction"]', 'CN');
      await page.selectOption('select[name="category"]', 'message-content');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/jurisdiction=CN/);
      assert.equal(await page.locator('svg.heatmap rect.cell').count(), expected.length);
      assert.equal(expected.length, 1);
    } finally {
      await page.close();
    }
  });

  test('the ranking page lists every provider with grade and disclosure score', async () => {
    const providers = ((await (await fetch(`${env.baseUrl}/v1/providers`)).json()) as { total: number }).total;
    const page = await env.browser.newPage({ viewport: { width: 1300, height: 900 } });
    const errors = collectPageErrors(page);
    try {
      await page.goto(`${env.baseUrl}/`);
      assert.equal(await page.locator('table.ranking tbody tr').count(), providers);
      assert.equal(await page.locator('table.ranking svg.grade').count(), providers);
      await page.screenshot({ path: env.screenshot('ranking'), fullPage: true });
      assert.deepEqual(errors, []);
      // Opened on its own (a browser then also asks for /favicon.ico, which is no concern here).
      const badge = await page.goto(`${env.baseUrl}/badges/${PROVIDER}.svg`);
      assert.equal(badge?.headers()['content-type'], 'image/svg+xml; charset=utf-8');
      await page.screenshot({ path: env.screenshot('badge') });
    } finally {
      await page.close();
    }
  });
}
