import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Declaration } from '../../src/formats/types.generated.js';
import { policiesDir } from '../../src/paths.js';
import { retentionInWords } from '../../src/report/retention-words.js';
import { axeViolations } from './axe.js';
import { PROCESS_NAMES } from '../../src/report/sections/facts.js';
import { collectPageErrors, type BrowserEnv } from './env.js';

const samplesDir = path.join(policiesDir, 'providers');
const samples = readdirSync(samplesDir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(path.join(samplesDir, f), 'utf8')) as Declaration);
const count = (c: number | { min: number; max: number }) => (typeof c === 'number' ? c.toLocaleString('en-US') : `${c.min.toLocaleString('en-US')}–${c.max.toLocaleString('en-US')}`);
const squash = (s: string) => s.replace(/\s+/g, ' ');

/** The facts a reader looks for, each in the section of its question. */
async function expectFacts(page: Page, d: Declaration): Promise<void> {
  // The text between a section's heading and the next h2.
  const section = async (id: string) =>
    squash(
      await page.evaluate((h2) => {
        let text = '';
        for (let el = document.getElementById(h2)!.nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling) text += ` ${(el as HTMLElement).innerText}`;
        return text;
      }, id),
    );
  const data = await section('data');
  for (const c of d.dataCategories) {
    const words = retentionInWords(c.retention);
    if (words) assert.ok(data.includes(words), `${d.provider.id}: retention "${words}" of ${c.category}`);
  }
  if (d.dataCategories.some((c) => c.retention?.kind === 'undisclosed')) assert.match(data, /undisclosed/);
  const parties = await section('third-parties');
  for (const p of d.thirdParties ?? []) {
    assert.ok(parties.includes(squash(p.name)), `${d.provider.id}: party ${p.name}`);
    if (p.relationship === 'licensee' && Array.isArray(p.capabilities)) for (const cap of p.capabilities) assert.ok(parties.includes(cap), `${d.provider.id}: capability ${cap}`);
  }
  const legal = await section('legal-process');
  // Processes in words ("National Security Letter"), not as the format's ids.
  for (const p of d.legalProcess?.policies ?? []) assert.ok(legal.includes(PROCESS_NAMES[p.process] ?? p.process), `${d.provider.id}: policy ${p.process}`);
  for (const s of d.legalProcess?.interceptionStatutes ?? []) assert.ok(legal.includes(squash(s.statute)), `${d.provider.id}: statute ${s.statute}`);
  const requests = await section('requests');
  for (const r of d.governmentRequests ?? []) assert.ok(requests.includes(count(r.requests)), `${d.provider.id}: ${count(r.requests)} requests`);
  if ((d.governmentRequests ?? []).some((r) => r.country === '001')) assert.match(requests, /worldwide/);
}

export function register(env: BrowserEnv): void {
  test('every sample provider page tells its declaration: retention, licensees and capabilities, legal process, request figures', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1300, height: 1000 } });
    const errors = collectPageErrors(page);
    try {
      for (const d of samples) {
        const response = await page.goto(`${env.baseUrl}/providers/${d.provider.id}`);
        assert.equal(response?.status(), 200, d.provider.id);
        await expectFacts(page, d);
        if (d.provider.id === 'tandem-voice') {
          await page.locator('h2#third-parties').scrollIntoViewIfNeeded();
          await page.screenshot({ path: env.screenshot('provider-facts-third-parties') });
          await page.locator('h2#requests').scrollIntoViewIfNeeded();
          await page.screenshot({ path: env.screenshot('provider-facts-requests') });
        }
      }
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('a freshly submitted declaration shows its facts, and a fact links to its raw value', async () => {
    const d = structuredClone(samples.find((s) => s.provider.id === 'tandem-voice')!) as Declaration;
    d.provider.id = 'fresh-voice';
    d.provider.name = 'Fresh Voice';
    d.dataCategories[1].retention = { kind: 'until-event', event: 'account-deletion', after: 'P30D' };
    const submitted = await fetch(`${env.baseUrl}/v1/providers/fresh-voice/declarations`, { method: 'POST', headers: { authorization: `Bearer ${env.adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(d) });
    assert.equal(submitted.status, 201, await submitted.text());
    const page = await env.browser.newPage();
    try {
      await page.goto(`${env.baseUrl}/providers/fresh-voice`);
      await expectFacts(page, d);
      assert.match(await page.locator('#data').evaluate(() => document.body.innerText), /until the account is deleted, then 30 days/);
      await page.locator(`#category-${d.dataCategories[1].category} a.fact`).nth(1).click();
      await page.waitForURL(/pointer=%2FdataCategories%2F1%2Fretention/);
      assert.match(await page.locator('pre.raw').innerText(), /"account-deletion"/);
    } finally {
      await page.close();
    }
  });

  test('a heatmap cell opens its own page with the pathways behind it', async () => {
    const page = await env.browser.newPage();
    try {
      await page.goto(`${env.baseUrl}/providers/tandem-voice?category=message-content&jurisdiction=CN`);
      await page.locator('table.heat tbody td a').click();
      await page.waitForURL(/\/providers\/tandem-voice\/cells\/message-content\/CN$/);
      assert.match(await page.locator('h1').innerText(), /Message content × China/);
      assert.ok((await page.locator('li.pathway').count()) > 0);
    } finally {
      await page.close();
    }
  });

  test('the compare page puts three providers side by side, reached from the ranking', async () => {
    const ids = samples.slice(0, 3).map((s) => s.provider.id);
    const page = await env.browser.newPage({ viewport: { width: 1300, height: 900 } });
    const errors = collectPageErrors(page);
    try {
      await page.goto(`${env.baseUrl}/`);
      for (const id of ids) await page.check(`#pick-${id}`);
      await page.getByRole('button', { name: 'Compare the ticked providers', exact: true }).click();
      await page.waitForURL(/\/compare\?/);
      const named = (await page.locator('ul.compared').textContent()) ?? '';
      const columns = await page.locator('table.facts-compare thead th a').evaluateAll((links) => links.map((a) => a.textContent));
      assert.deepEqual([...columns].sort(), [...ids].sort());
      for (const s of samples.slice(0, 3)) assert.ok(squash(named).includes(squash(s.provider.name)), s.provider.id);
      const api = (await (await fetch(`${env.baseUrl}/v1/compare?providers=${ids.join(',')}`)).json()) as { cells: { jurisdiction: string }[]; facts: unknown[] };
      // The page's default columns (at most 12, the places the providers name first): the API's cells in those columns.
      const shown = await page.locator('table.compare.cells thead th abbr').allInnerTexts();
      assert.ok(shown.length > 0 && shown.length <= 12, shown.join(','));
      assert.equal(await page.locator('table.compare.cells tbody td').count(), api.cells.filter((c) => shown.includes(c.jurisdiction)).length * 3);
      assert.ok((await page.locator('table.facts-compare tr.differs').count()) > 0);
      await page.screenshot({ path: env.screenshot('compare'), fullPage: false });
      const csv = await fetch(`${env.baseUrl}/v1/compare?providers=${ids.join(',')}&format=csv`);
      assert.match(await csv.text(), /^providerId,category,jurisdiction,established,worstCase,score,grade\r\n/);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('a dry run answers what publishing would produce and changes nothing', async () => {
    const before = await (await fetch(`${env.baseUrl}/v1/providers/tandem-voice/declarations`)).json();
    const page0 = await (await fetch(`${env.baseUrl}/providers/tandem-voice`)).text();
    const draft = structuredClone(samples.find((s) => s.provider.id === 'tandem-voice')!);
    draft.asOf = '2014-06-30';
    const res = await fetch(`${env.baseUrl}/v1/providers/tandem-voice/declarations?dryRun=true`, { method: 'POST', headers: { authorization: `Bearer ${env.adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(draft) });
    assert.equal(res.status, 200);
    const preview = (await res.json()) as { version: number; created: boolean; diff: { pointer: string }[] };
    assert.equal(preview.created, false);
    assert.equal(preview.version, before.versions.length + 1);
    assert.ok(preview.diff.some((c) => c.pointer === '/asOf'));
    assert.deepEqual(await (await fetch(`${env.baseUrl}/v1/providers/tandem-voice/declarations`)).json(), before);
    const page1 = await (await fetch(`${env.baseUrl}/providers/tandem-voice`)).text();
    assert.equal(page1.match(/statements as of<\/dt><dd>[^<]*/)?.[0], page0.match(/statements as of<\/dt><dd>[^<]*/)?.[0]);
  });

  test('no WCAG 2 A/AA violation on the ranking, a provider page, a cell page and the compare page (axe-core)', async () => {
    const ids = samples.slice(0, 3).map((s) => s.provider.id).join(',');
    const page = await env.browser.newPage({ viewport: { width: 1300, height: 900 } });
    try {
      for (const url of ['/', '/providers/tandem-voice', '/providers/tandem-voice/cells/message-content/CN', `/compare?providers=${ids}`]) {
        await page.goto(`${env.baseUrl}${url}`);
        assert.deepEqual(await axeViolations(page), [], url);
      }
    } finally {
      await page.close();
    }
  });

  test('the largest sample page stays under 250 KB of HTML and works without JavaScript', async () => {
    const sizes = await Promise.all(samples.map(async (s) => [s.provider.id, (await (await fetch(`${env.baseUrl}/providers/${s.provider.id}`)).arrayBuffer()).byteLength] as const));
    const [largest, bytes] = sizes.sort((a, b) => b[1] - a[1])[0];
    assert.ok(bytes < 250 * 1024, `${largest}: ${bytes} bytes`);
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${env.baseUrl}/providers/${largest}`);
      await page.locator('table.heat tbody td a').first().click();
      await page.waitForURL(/\/cells\//);
      assert.ok((await page.locator('li.pathway').count()) > 0);
    } finally {
      await context.close();
    }
  });
}
