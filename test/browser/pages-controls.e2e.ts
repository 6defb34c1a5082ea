import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations } from './axe.js';
import { collectPageErrors, type BrowserEnv } from './env.js';

const DECLARED = 'tandem-voice';
const UNDECLARED = 'skype-documented';
const MAX_PAGE_BYTES = 250 * 1024;

async function api<T>(env: BrowserEnv, url: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${env.baseUrl}${url}`, init);
  return { status: response.status, body: (await response.json()) as T };
}

/** Loads a page and checks what every page must be: 200, small, no CSP refusal or script error, no axe violation. */
async function checkedPage(env: BrowserEnv, url: string, screenshot?: string) {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectPageErrors(page);
  const response = await page.goto(`${env.baseUrl}${url}`);
  assert.equal(response?.status(), 200, url);
  const bytes = (await response!.body()).length;
  assert.ok(bytes < MAX_PAGE_BYTES, `${url} is ${bytes} bytes`);
  assert.deepEqual(await axeViolations(page), [], url);
  assert.deepEqual(errors, [], url);
  if (screenshot) await page.screenshot({ path: env.screenshot(screenshot), fullPage: false });
  return page;
}

export function register(env: BrowserEnv): void {
  test('an NGO documents a provider that never declared: it gets pages, marked as not declared, with the disagreeing evidence shown whole', async () => {
    const auth = { authorization: `Bearer ${env.adminToken}`, 'content-type': 'application/json' };
    const key = await api<{ token: string }>(env, '/v1/keys', { method: 'POST', headers: auth, body: JSON.stringify({ role: 'reviewer', organisation: 'Open Letter Coalition' }) });
    assert.equal(key.status, 201);
    const reviewer = { authorization: `Bearer ${key.body.token}`, 'content-type': 'application/json' };
    const sources = [{ url: 'https://example.org/evidence', title: 'Public statement' }];
    for (const body of [
      { pointer: '/legalProcess/liveInterception', value: 'not-supported', statement: 'It said in 2008 that it could not wiretap calls.', observedAt: '2008-07-24', providerName: 'Skype (documented)', sources },
      { pointer: '/legalProcess/liveInterception', value: 'supported', statement: 'Reports in 2012 said it was rebuilt so that it could.', observedAt: '2012-07-26', sources },
      { pointer: '/provider/headquarters', value: 'LU', statement: 'Its operating company is in Luxembourg.', observedAt: '2012-01-01', sources },
    ]) {
      const recorded = await api(env, `/v1/providers/${UNDECLARED}/observations`, { method: 'POST', headers: reviewer, body: JSON.stringify(body) });
      assert.equal(recorded.status, 201);
    }
    const page = await checkedPage(env, `/providers/${UNDECLARED}`, 'provider-not-declared');
    try {
      assert.ok(await page.locator('p.not-declared').isVisible());
      assert.match(await page.locator('p.not-declared').innerText(), /Not declared by the provider\. .*Open Letter Coalition/);
      const text = await page.locator('main').innerText();
      assert.doesNotMatch(text, /by its own statement|the provider states|What the provider declares|provider's complete list/);
      // Both observations at the contested place are on the page, each saying it disagrees with the other.
      await page.locator('#evidence-conflicts').scrollIntoViewIfNeeded();
      assert.equal(await page.locator('article.observation.conflict').count(), 2);
      assert.match(await page.locator('ul.conflicts').innerText(), /not-supported.*against.*supported.*uses #2/s);
      // Its heatmap cells open cell pages, which say the same.
      await page.locator('table.heat tbody td a').first().click();
      await page.waitForURL(/\/cells\//);
      assert.ok(await page.locator('p.not-declared').isVisible());
    } finally {
      await page.close();
    }
    const ranking = await checkedPage(env, '/');
    try {
      assert.equal(await ranking.locator(`table.evidence-only th.provider a[href^="/providers/${UNDECLARED}"]`).count(), 1);
      assert.equal(await ranking.locator(`table.ranking:not(.evidence-only) th.provider a[href^="/providers/${UNDECLARED}"]`).count(), 0);
    } finally {
      await ranking.close();
    }
    const observed = await checkedPage(env, '/?basis=observed');
    try {
      const row = observed.locator('table.ranking tbody tr').filter({ hasText: UNDECLARED });
      assert.equal(await row.count(), 1);
      assert.match(await row.innerText(), /not declared by the provider/);
    } finally {
      await observed.close();
    }
    for (const url of [`/compare?providers=${DECLARED},${UNDECLARED}&basis=observed`, `/providers/${UNDECLARED}/observations`, `/providers/${UNDECLARED}/observations/2`]) await (await checkedPage(env, url)).close();
  });

  test('the provider page offers the law date, basis and jurisdictions the API takes, stays under 250 KB and keeps its columns on screen', async () => {
    const page = await checkedPage(env, `/providers/${DECLARED}`, 'provider-controls');
    try {
      const heat = page.locator('table.heat');
      const columns = await heat.locator('thead th[scope="col"] abbr').allInnerTexts();
      assert.ok(columns.length > 0 && columns.length <= 12, `columns ${columns.join(',')}`);
      // The whole default table fits a 1280-pixel screen: nothing scrolls sideways.
      assert.ok(await page.locator('div.table-scroll').filter({ has: heat }).evaluate((el) => el.scrollWidth <= el.clientWidth + 1));
      // Law date and basis through the form.
      await page.fill('input[name="lawDate"]', '2013-01-31');
      await page.selectOption('select[name="basis"]', 'observed');
      await page.getByRole('button', { name: 'Show' }).first().click();
      await page.waitForURL(/lawDate=2013-01-31/);
      assert.match(page.url(), /basis=observed/);
      assert.match(await heat.locator('caption').innerText(), /as observed.*law as of 2013-01-31/s);
      // The same page under the law as of the declaration's own date, one link away.
      const { body } = await api<{ declaration: { asOf: string } }>(env, `/v1/providers/${DECLARED}`);
      await page.locator('p.as-of a').click();
      await page.waitForURL(new RegExp(`lawDate=${body.declaration.asOf}`));
      // Every column on request, under the API's parameter name.
      await page.goto(`${env.baseUrl}/providers/${DECLARED}?jurisdiction=US,LU,CN`);
      const profiles = (await api<{ jurisdictions: { code: string }[] }>(env, '/v1/jurisdictions')).body.jurisdictions.map((j) => j.code);
      assert.deepEqual(await heat.locator('thead th[scope="col"] abbr').allInnerTexts(), profiles.filter((c) => ['US', 'LU', 'CN'].includes(c)));
    } finally {
      await page.close();
    }
  });

  test('guides are pages whose links work', async () => {
    const page = await checkedPage(env, '/guide/declaration-guide', 'guide');
    try {
      assert.match(await page.locator('main h1').first().innerText(), /Writing a declaration/);
      const local = await page.locator('article.doc a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      assert.ok(local.length > 0);
      for (const href of new Set(local.map((h) => h.split('#')[0]))) assert.equal((await fetch(`${env.baseUrl}${href}`)).status, 200, href);
      await page.locator('header nav a', { hasText: 'Guides' }).click();
      await page.waitForURL(/\/guide$/);
      assert.ok((await page.locator('ul.docs li').count()) >= 5);
    } finally {
      await page.close();
    }
  });
}
