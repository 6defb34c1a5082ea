import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import '../support/close-csv-thread.js';
import { adminAuth, testService, validDeclaration, type TestService } from '../support/service.js';

const json = { 'content-type': 'application/json' };
let service: TestService;
let reviewer: Record<string, string>;

const observe = (id: string, doc: unknown) => request(service.app).post(`/v1/providers/${id}/observations`).set(reviewer).set(json).send(JSON.stringify(doc));
const source = [{ url: 'https://example.org/report', title: 'A report' }];
const page = (url: string) => request(service.app).get(url).set('accept', 'text/html');

beforeAll(async () => {
  service = await testService();
  for (const id of ['veritalk', 'quietpost', 'slowmail']) {
    const doc = validDeclaration(id);
    doc.provider.name = `Name of ${id}`;
    if (id === 'slowmail') doc.asOf = '2013-01-31';
    expect((await request(service.app).post(`/v1/providers/${id}/declarations`).set(adminAuth).set(json).send(JSON.stringify(doc))).status).toBe(201);
  }
  const key = await request(service.app).post('/v1/keys').set(adminAuth).set(json).send(JSON.stringify({ role: 'reviewer', organisation: 'Digital Rights Watch' }));
  reviewer = { Authorization: `Bearer ${key.body.token}` };
  // A provider that never declared, documented from evidence, with two observations that disagree.
  expect((await observe('skype-obs', { pointer: '/legalProcess/liveInterception', value: 'not-supported', statement: 'In 2008 it said it could not wiretap.', observedAt: '2008-07-24', providerName: 'Skype as observed', sources: source })).status).toBe(201);
  expect((await observe('skype-obs', { pointer: '/legalProcess/liveInterception', value: 'supported', statement: 'In 2012 it was rebuilt so it could.', observedAt: '2012-07-26', sources: source })).status).toBe(201);
  expect((await observe('skype-obs', { pointer: '/provider/headquarters', value: 'LU', statement: 'Its seat is in Luxembourg.', observedAt: '2012-01-01', sources: source })).status).toBe(201);
  // Evidence that contradicts veritalk's declaration: a finding judged when read.
  expect((await observe('veritalk', { pointer: '/legalProcess/liveInterception', value: 'supported', statement: 'A court record shows a live intercept.', observedAt: '2025-01-01', sources: source })).status).toBe(201);
});

describe('a provider known only from evidence', () => {
  it('has a provider page, marked "not declared by the provider" and naming who documented it, as observed by default', async () => {
    const res = await page('/providers/skype-obs');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Not declared by the provider.');
    expect(res.text).toContain('Digital Rights Watch');
    expect(res.text).toContain('<option value="observed" selected>');
    // Nothing on it is worded as the provider's own statement.
    expect(res.text.match(/.{80}(by its own statement|the provider states|What the provider declares|provider.s complete list).{40}/g)).toBeNull();
    // Its exposure is the observed view the API answers.
    const api = await request(service.app).get('/v1/providers/skype-obs/exposure?basis=observed&category=message-content&jurisdiction=LU');
    const cell = api.body.cells[0];
    expect(res.text).toContain('href="/providers/skype-obs/cells/message-content/LU"');
    // Under another law date or basis, the cell links keep them.
    expect((await page('/providers/skype-obs?lawDate=2013-01-31&basis=declared')).text).toContain('href="/providers/skype-obs/cells/message-content/LU?lawDate=2013-01-31&amp;basis=declared"');
    expect(cell.jurisdiction).toBe('LU');
  });

  it('has cell pages on both bases', async () => {
    for (const basis of ['observed', 'declared']) {
      const res = await page(`/providers/skype-obs/cells/message-content/LU?basis=${basis}`);
      expect([basis, res.status]).toEqual([basis, 200]);
      expect(res.text).toContain('Not declared by the provider.');
      expect(res.text).toContain(`as ${basis}`);
    }
  });

  it('is on the ranking: apart as declared, ranked with the others as observed, marked both times', async () => {
    const declared = await page('/');
    expect(declared.text).toContain('id="not-declared"');
    expect(declared.text).toMatch(/table class="ranking evidence-only"[\s\S]*skype-obs[\s\S]*not declared by the provider/);
    const observed = await page('/?basis=observed');
    const ranked = observed.text.slice(observed.text.indexOf('<table class="ranking">'), observed.text.indexOf('</table>'));
    expect(ranked).toContain('skype-obs');
    expect(ranked).toContain('not declared by the provider');
    expect(ranked).toContain('documented by <bdi>Digital Rights Watch</bdi>');
  });

  it('can be compared on either basis', async () => {
    for (const basis of ['declared', 'observed']) {
      const res = await page(`/compare?providers=veritalk,skype-obs&basis=${basis}`);
      expect([basis, res.status]).toEqual([basis, 200]);
      expect(res.text).toContain('not declared by the provider');
    }
  });

  it('shows both observations that disagree, and which one the observed view uses', async () => {
    const res = await page('/providers/skype-obs');
    expect(res.text).toContain('id="evidence-conflicts"');
    expect(res.text).toMatch(/#1<\/a> <code>not-supported<\/code>[\s\S]*against[\s\S]*#2<\/a> <code>supported<\/code>[\s\S]*the observed view uses #2/);
    expect(res.text).toContain('id="observation-1"');
    expect(res.text).toContain('id="observation-2"');
    expect(res.text.match(/disagrees with #/g)).toHaveLength(2);
  });

  it('has an evidence list page and a page per observation (what the Atom entries link to)', async () => {
    const list = await page('/providers/skype-obs/observations');
    expect(list.status).toBe(200);
    expect(list.text.match(/<article class="observation/g)).toHaveLength(3);
    const one = await page('/providers/skype-obs/observations/2');
    expect(one.status).toBe(200);
    expect(one.text).toContain('In 2012 it was rebuilt so it could.');
    const feed = await request(service.app).get('/v1/feed.atom');
    expect(feed.text).toContain('/providers/skype-obs/observations/1"');
    expect(feed.text).not.toMatch(/<link[^>]*href="[^"]*\/v1\/providers\/skype-obs\/observations\/1"/);
  });
});

describe('the pages carry the API controls and findings', () => {
  it('the provider page lists the findings the API lists, those judged when read included', async () => {
    const api = (await request(service.app).get('/v1/providers/slowmail/findings')).body.findings as { rule: string; severity: string }[];
    expect(api.map((f) => f.rule)).toContain('stale-declaration');
    const res = await page('/providers/slowmail');
    for (const f of api) expect(res.text).toContain(`<span class="rule">${f.rule}`);
    const contradicted = (await request(service.app).get('/v1/providers/veritalk/findings')).body.findings as { rule: string; severity: string }[];
    const errors = contradicted.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule)).toContain('contradicted-by-evidence');
    const veritalk = await page('/providers/veritalk');
    expect(veritalk.text).toMatch(new RegExp(`<span class="big">${errors.length}</span><span class="of"> errors?</span>`));
    expect(veritalk.text).not.toContain('None: no contradictions or regressions.');
  });

  it('a law-date control, and a link to the page under the law as of the declaration', async () => {
    const res = await page('/providers/slowmail');
    expect(res.text).toMatch(/<input type="date" name="lawDate" value="\d{4}-\d\d-\d\d"/);
    expect(res.text).toContain('href="/providers/slowmail?lawDate=2013-01-31"');
    const then = await page('/providers/slowmail?lawDate=2013-01-31');
    expect(then.text).toContain('law as of 2013-01-31');
    expect(then.text).toContain('<input type="date" name="lawDate" value="2013-01-31"');
    // An empty field, as a form sends it, means "not chosen", not a 400.
    expect((await page('/providers/slowmail?lawDate=&basis=&jurisdiction=LU')).status).toBe(200);
    expect((await page('/providers/slowmail?lawDate=2013-02-30')).status).toBe(400);
  });

  it('a basis control honoured by the ranking, provider, cell and compare pages', async () => {
    // A cell the evidence moves, as the API reports it.
    type Bounds = { established: number; worstCase: number };
    const { differences } = (await request(service.app).get('/v1/providers/veritalk/exposure?basis=observed')).body as { differences: { category: string; jurisdiction: string; declared: Bounds; observed: Bounds }[] };
    const big = (b: Bounds) => [Math.round(b.worstCase), Math.round(b.established)].map((n) => `<span class="big">${n}</span>`);
    const moved = differences.find((d) => big(d.declared).join() !== big(d.observed).join())!;
    expect(moved).toBeDefined();
    const cellUrl = `/providers/veritalk/cells/${moved.category}/${moved.jurisdiction}`;
    const observedCell = (await page(`${cellUrl}?basis=observed`)).text;
    const declaredCell = (await page(cellUrl)).text;
    for (const b of big(moved.observed)) expect(observedCell).toContain(b);
    for (const b of big(moved.declared)) expect(declaredCell).toContain(b);
    expect((await page('/providers/veritalk?basis=observed')).text).toContain('<option value="observed" selected>');
    expect((await page('/?basis=observed')).text).toContain('as observed (reviewers’ evidence in place of claims');
    expect((await page('/compare?providers=veritalk,quietpost&basis=observed')).text).toContain('Facts as observed');
  });

  it('wide tables: a default selection of columns, the API parameter name to choose, an empty one for all', async () => {
    const res = await page('/providers/veritalk');
    const head = res.text.slice(res.text.indexOf('<table class="heat">'), res.text.indexOf('</thead>', res.text.indexOf('<table class="heat">')));
    const columns = [...head.matchAll(/<abbr title="[^"]*">([A-Z]{2})<\/abbr>/g)].map((m) => m[1]);
    expect(columns.length).toBeLessThanOrEqual(12);
    // Where VeriTalk sits and is established.
    expect(columns).toEqual(expect.arrayContaining(['LU', 'US']));
    const chosen = await page('/providers/veritalk?jurisdiction=US,CN');
    expect(chosen.text.match(/\/providers\/veritalk\/cells\/subscriber-info\/[A-Z]+/g)!.map((m) => m.slice(-2)).sort()).toEqual(['CN', 'US']);
    expect(chosen.text).toContain('href="/providers/veritalk?jurisdiction=#exposure"');
  });

  it('every HTML list is paginated with the filters kept', async () => {
    const first = await page('/?category=message-content&limit=1');
    const ranked = first.text.slice(first.text.indexOf('<table class="ranking">'), first.text.indexOf('</table>', first.text.indexOf('<table class="ranking">')));
    expect(ranked.match(/<tr>\s*<td class="num">\d+<\/td>/g)).toHaveLength(1);
    expect(first.text).toContain('href="/?category=message-content&amp;limit=1&amp;offset=1" rel="next"');
    const second = await page('/?category=message-content&limit=1&offset=1');
    expect(second.text).toContain('rel="prev"');
    expect((await page('/?limit=101')).status).toBe(400);
    expect((await page('/providers/veritalk/declarations')).status).toBe(200);
    expect((await page('/providers/skype-obs/observations?limit=2')).text.match(/<article class="observation/g)).toHaveLength(2);
  });
});
