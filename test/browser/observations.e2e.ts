import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPageErrors, type BrowserEnv } from './env.js';

const PROVIDER = 'tandem-voice';
const HOSTILE = `<script>alert(1)</script>"><img src=x onerror=alert(2)>`;

interface ObservationList {
  items: { id: number; status: string }[];
}

async function api<T>(env: BrowserEnv, url: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${env.baseUrl}${url}`, init);
  return { status: response.status, body: (await response.json()) as T };
}

export function register(env: BrowserEnv): void {
  test('the provider page shows claims and evidence: as declared beside as observed, and every observation with its sources', async () => {
    const list = await api<ObservationList>(env, `/v1/providers/${PROVIDER}/observations`);
    assert.equal(list.status, 200);
    assert.ok(list.body.items.length >= 4, 'the illustrative sample observations are loaded with the sample declarations');
    const observed = await api<{ differences: { observations: number[] }[] }>(env, `/v1/providers/${PROVIDER}/exposure?basis=observed`);
    const page = await env.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = collectPageErrors(page);
    try {
      // Every column (`jurisdiction=` empty), so every cell the API reports is in the table.
      assert.equal((await page.goto(`${env.baseUrl}/providers/${PROVIDER}?jurisdiction=`))?.status(), 200);
      const section = page.locator('section#observations');
      await section.scrollIntoViewIfNeeded();
      assert.ok(await section.isVisible());
      assert.equal(await section.locator('h2').innerText(), 'Evidence beside claims');
      // One row per cell where the two views differ, as the API reports them.
      assert.equal(await section.locator('table.as-observed tbody tr').count(), observed.body.differences.length);
      assert.ok(observed.body.differences.length > 0);
      // Each row links to the observations that drive it, and the links land on them.
      const firstDriver = observed.body.differences[0].observations[0];
      await section.locator(`table.as-observed a[href="#observation-${firstDriver}"]`).first().click();
      assert.ok(await page.locator(`#observation-${firstDriver}`).isVisible());
      assert.equal(await section.locator('article.observation').count(), list.body.items.length);
      assert.ok((await section.locator('.responses').count()) >= 1, "the provider's sample answer is shown beside its observation");
      assert.ok((await section.locator('.evidence-sources a[href^="https://"]').count()) >= list.body.items.length);
      await page.screenshot({ path: env.screenshot('provider-evidence'), fullPage: false });
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('observation text is rendered as text, never as markup', async () => {
    const auth = { authorization: `Bearer ${env.adminToken}`, 'content-type': 'application/json' };
    const key = await api<{ token: string }>(env, '/v1/keys', { method: 'POST', headers: auth, body: JSON.stringify({ role: 'reviewer', organisation: `${HOSTILE} Lab` }) });
    assert.equal(key.status, 201);
    const recorded = await api<{ id: number }>(env, `/v1/providers/${PROVIDER}/observations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key.body.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ pointer: '/provider/headquarters', value: 'LU', statement: HOSTILE, observedAt: '2013-12-31', sources: [{ url: 'https://example.org/x', title: HOSTILE }] }),
    });
    assert.equal(recorded.status, 201);
    const page = await env.browser.newPage();
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs++;
      await dialog.dismiss();
    });
    try {
      await page.goto(`${env.baseUrl}/providers/${PROVIDER}`);
      const article = page.locator(`#observation-${recorded.body.id}`);
      assert.ok((await article.locator('.statement').innerText()).includes('<script>alert(1)</script>'));
      assert.equal(await article.locator('script, img').count(), 0);
      assert.equal(dialogs, 0);
    } finally {
      await page.close();
    }
  });
}
