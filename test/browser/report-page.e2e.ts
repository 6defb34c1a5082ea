import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { policiesDir } from '../../src/paths.js';
import type { Page } from 'playwright-core';
import { boundsText } from '../../src/report/cell-bounds.js';
import { collectPageErrors, type BrowserEnv } from './env.js';

const PROVIDER = 'tandem-voice';

interface ApiCell {
  category: string;
  jurisdiction: string;
  score: number;
  /** Exposure model 2; absent before it. */
  established?: number;
  worstCase?: number;
}

async function getJson<T>(env: BrowserEnv, url: string): Promise<T> {
  const response = await fetch(`${env.baseUrl}${url}`);
  assert.equal(response.status, 200, url);
  return (await response.json()) as T;
}

const exposureCells = async (env: BrowserEnv, providerId: string, query = '') =>
  (await getJson<{ cells: ApiCell[] }>(env, `/v1/providers/${providerId}/exposure${query}`)).cells;

const HOSTILE = `<script>alert(1)</script>"><img src=x onerror=alert(2)></title><svg onload=alert(3)>`;

/** A sample declaration whose every provider-supplied string is hostile, long or bidi-tricky. */
function hostileDeclaration(id: string): Record<string, any> {
  const doc = JSON.parse(readFileSync(path.join(policiesDir, 'providers', `${PROVIDER}.json`), 'utf8'));
  doc.provider.id = id;
  doc.provider.name = `${HOSTILE} \u202Eevil ${'Averyveryverylongnamewithoutanyspaces'.repeat(2)}`;
  for (const c of doc.dataCategories) c.description = HOSTILE;
  for (const t of doc.thirdParties ?? []) {
    t.name = `${HOSTILE} \u05D0\u05D1 \u202E`;
    t.description = HOSTILE;
  }
  return doc;
}

/** Opens a choice's folded box list and leaves only `value` ticked. */
export async function chooseOnly(page: Page, name: 'jurisdiction' | 'category', value: string): Promise<void> {
  const boxes = page.locator(`input[type="checkbox"][name="${name}"]`);
  const details = page.locator('details.choice').filter({ has: boxes.first() });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  for (const box of await boxes.all()) if ((await box.getAttribute('value')) !== value && (await box.isChecked())) await box.uncheck();
  await boxes.and(page.locator(`[value="${value}"]`)).check();
}

export function register(env: BrowserEnv): void {
  test('the provider report draws one heatmap cell per cell the API scores, with both bounds', async () => {
    const api = await exposureCells(env, PROVIDER);
    const page = await env.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = collectPageErrors(page);
    try {
      // `jurisdiction=` (empty): every column; without it the page shows a default selection.
      const response = await page.goto(`${env.baseUrl}/providers/${PROVIDER}?jurisdiction=`);
      assert.equal(response?.status(), 200);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      // Keyboard: the first Tab reaches the skip link.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip');
      const heat = page.locator('table.heat');
      await heat.waitFor();
      assert.equal(await heat.locator('tbody td').count(), api.length);
      assert.equal(await heat.locator('thead th[scope="col"]').count(), 1 + new Set(api.map((c) => c.jurisdiction)).size);
      // Every cell shows the API's bounds for that category × jurisdiction: "64", or "20–64" for an open range.
      const shown = await heat.locator('tbody td a').evaluateAll((links) => links.map((a) => `${a.getAttribute('href')}=${a.textContent}`));
      const expected = api.map((c) => `/providers/${PROVIDER}/cells/${c.category}/${c.jurisdiction}=${boundsText({ established: c.established ?? c.score, worstCase: c.worstCase ?? c.score })}`);
      assert.deepEqual(shown.sort(), expected.sort());
      // A range is drawn apart from a known value (never rounded into one number), and says both bounds to a screen reader.
      const ranges = api.filter((c) => (c.established ?? c.score) !== (c.worstCase ?? c.score));
      assert.equal(await heat.locator('td.r').count(), ranges.length);
      assert.equal(await heat.locator('td.r a').evaluateAll((links) => links.filter((a) => !/–/.test(a.textContent ?? '')).length), 0);
      if (ranges.length) assert.match((await heat.locator('td.r a').first().getAttribute('title')) ?? '', /^established [\d.]+, worst case [\d.]+ of 100$/);
      // Headings in order: one h1, then h2s (no level skipped).
      const levels = await page.locator('main h1, main h2, main h3').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
      assert.equal(levels[0], 1);
      assert.equal(levels.filter((l) => l === 1).length, 1);
      for (let i = 1; i < levels.length; i++) assert.ok(levels[i] <= levels[i - 1] + 1, `heading levels ${levels.join(',')}`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: env.screenshot('provider-report'), fullPage: false });
      await heat.screenshot({ path: env.screenshot('provider-heatmap') });
      // The picture for download draws the same cells.
      const svg = await fetch(`${env.baseUrl}/providers/${PROVIDER}/heatmap.svg`);
      assert.equal((await svg.text()).match(/<rect class="cell"/g)?.length, api.length);
      // Nothing refused by the Content-Security-Policy, no failed loads, no script errors.
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('the heatmap follows the jurisdiction and category filters', async () => {
    const expected = await exposureCells(env, PROVIDER, '?jurisdiction=CN&category=message-content');
    assert.equal(expected.length, 1);
    const page = await env.browser.newPage();
    try {
      await page.goto(`${env.baseUrl}/providers/${PROVIDER}`);
      await chooseOnly(page, 'jurisdiction', 'CN');
      await chooseOnly(page, 'category', 'message-content');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/jurisdiction=CN/);
      const cell = page.locator('table.heat tbody td');
      assert.equal(await cell.count(), 1);
      assert.ok((await cell.innerText()).endsWith(String(Math.round(expected[0].worstCase ?? expected[0].score))));
    } finally {
      await page.close();
    }
  });

  test('the ranking page lists every provider with grade and disclosure score, and filters', async () => {
    const { total } = await getJson<{ total: number }>(env, '/v1/providers');
    const page = await env.browser.newPage({ viewport: { width: 1300, height: 900 } });
    const errors = collectPageErrors(page);
    try {
      await page.goto(`${env.baseUrl}/`);
      assert.equal(await page.locator('table.ranking:not(.evidence-only) tbody tr').count(), total);
      assert.equal(await page.locator('table.ranking:not(.evidence-only) tbody svg.grade').count(), total);
      assert.equal(await page.locator('table.ranking:not(.evidence-only) tbody input[type="checkbox"][name="providers"]').count(), total);
      await page.screenshot({ path: env.screenshot('ranking'), fullPage: true });
      assert.deepEqual(errors, []);
      await chooseOnly(page, 'jurisdiction', 'CN');
      await chooseOnly(page, 'category', 'message-content');
      await page.getByRole('button', { name: 'Rank' }).click();
      await page.waitForURL(/category=message-content/);
      assert.match(await page.locator('table.ranking:not(.evidence-only) caption').innerText(), /Message content, as seen from China/);
      // Opened on its own (a browser then also asks for /favicon.ico, which is no concern here).
      const badge = await page.goto(`${env.baseUrl}/badges/${PROVIDER}.svg`);
      assert.equal(badge?.headers()['content-type'], 'image/svg+xml; charset=utf-8');
      await page.locator('svg').screenshot({ path: env.screenshot('badge') });
    } finally {
      await page.close();
    }
  });

  test('hostile provider strings stay text, and the layout holds on a desktop and a phone', async () => {
    const id = 'hostile-browser';
    const submitted = await fetch(`${env.baseUrl}/v1/providers/${id}/declarations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${env.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(hostileDeclaration(id)),
    });
    assert.equal(submitted.status, 201, await submitted.text());
    for (const [name, viewport] of [
      ['hostile-desktop', { width: 1280, height: 900 }],
      ['hostile-phone', { width: 390, height: 844 }],
    ] as const) {
      const page = await env.browser.newPage({ viewport });
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const errors = collectPageErrors(page);
      try {
        for (const url of [`/providers/${id}`, '/']) {
          assert.equal((await page.goto(`${env.baseUrl}${url}`))?.status(), 200);
          assert.equal(await page.locator('img[src="x"], main script, main svg svg').count(), 0);
          // No element pushes the page sideways (wide tables and the heatmap scroll inside their own box).
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${url} at ${viewport.width}px overflows by ${overflow}px`);
          if (url !== '/') {
            assert.ok((await page.locator('h1').innerText()).startsWith('<script>alert(1)</script>'));
            assert.ok((await page.title()).startsWith('<script>alert(1)</script>'));
            await page.screenshot({ path: env.screenshot(name) });
          }
        }
        assert.deepEqual(dialogs, []);
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    }
  });

  test('an unknown provider is a helpful 404 page in a browser and problem+json for API clients', async () => {
    const page = await env.browser.newPage();
    try {
      const response = await page.goto(`${env.baseUrl}/providers/no-such-provider`);
      assert.equal(response?.status(), 404);
      assert.match(response?.headers()['content-type'] ?? '', /^text\/html/);
      assert.equal(await page.locator('h1').innerText(), 'Not found');
      assert.equal(await page.locator('main a[href="/"]').count(), 1);
    } finally {
      await page.close();
    }
    const api = await fetch(`${env.baseUrl}/providers/no-such-provider`, { headers: { accept: 'application/json' } });
    assert.equal(api.status, 404);
    assert.match(api.headers.get('content-type') ?? '', /^application\/problem\+json/);
  });
}
