import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { adminAuth, testService, validDeclaration, type TestService } from '../support/service.js';

const HOSTILE = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`;

/** A declaration whose every free-text field a provider controls carries markup. */
function hostileDeclaration(id: string) {
  const doc = validDeclaration(id);
  doc.provider.name = HOSTILE;
  doc.provider.services = [HOSTILE];
  doc.dataCategories[0].description = HOSTILE;
  return doc;
}

let service: TestService;
let check: Awaited<ReturnType<typeof openApiResponseValidator>>;

beforeAll(async () => {
  service = await testService();
  check = await openApiResponseValidator();
  for (const doc of [validDeclaration('veritalk'), hostileDeclaration('hostile')]) {
    const res = await request(service.app).post(`/v1/providers/${doc.provider.id}/declarations`).set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(doc));
    expect(res.status).toBe(201);
  }
});

/** supertest buffers only text/* as text; an SVG badge arrives as a Buffer otherwise. */
async function getSvg(url: string) {
  const res = await request(service.app)
    .get(url)
    .buffer(true)
    .parse((stream, done) => {
      let text = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (text += chunk));
      stream.on('end', () => done(null, text));
    });
  return { status: res.status, type: res.type, headers: res.headers as Record<string, string>, body: res.body as string, text: res.body as string };
}

/** No markup from the declaration survives as markup: only our own tags appear. */
function expectNoInjectedMarkup(text: string) {
  expect(text).not.toContain('<script');
  expect(text).not.toContain('<img src=x');
  expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
}

describe('GET / (ranking page)', () => {
  it('lists every provider, escaping provider-supplied names', async () => {
    const res = await request(service.app).get('/');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html');
    check('get', '/', res);
    expect(res.text.match(/<tr>\s*<td class="num">\d+<\/td>/g)).toHaveLength(2);
    expectNoInjectedMarkup(res.text);
  });

  it('answers an unknown jurisdiction or category with a 400 page, as the API does', async () => {
    for (const url of ['/?category=nonsense', '/?jurisdiction=XX', '/providers/veritalk?jurisdiction=XX', '/providers/veritalk/cells/nonsense/CN', '/compare?providers=veritalk,hostile&category=nonsense']) {
      const res = await request(service.app).get(url).set('accept', 'text/html');
      expect(res.status).toBe(400);
      expect(res.type).toBe('text/html');
      expect(res.text).toContain('<h1>Bad Request</h1>');
    }
    const api = await request(service.app).get('/?jurisdiction=XX').set('accept', 'application/json');
    expect(api.status).toBe(400);
    expect(api.type).toBe('application/problem+json');
  });

  it('filters by jurisdiction and category', async () => {
    const res = await request(service.app).get('/?jurisdiction=CN&category=message-content');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<input type="checkbox" name="jurisdiction" value="CN" checked>');
    expect(res.text).toContain('<input type="checkbox" name="category" value="message-content" checked>');
    expect(res.text).not.toContain('<input type="checkbox" name="jurisdiction" value="US" checked>');
    expect(res.text).toMatch(/× CN<\/td>/);
  });
});

describe('GET /providers/{providerId} (report page)', () => {
  it('draws one heatmap cell per cell of the exposure matrix, each linking to its own page, plus a legend', async () => {
    const cells = (await request(service.app).get('/v1/providers/veritalk/exposure')).body.cells as unknown[];
    // `jurisdiction=` (empty): every column, as the API answers without a filter.
    const res = await request(service.app).get('/providers/veritalk?jurisdiction=');
    expect(res.status).toBe(200);
    check('get', '/providers/{providerId}', res);
    expect(res.text.match(/<td class="s\d+[^"]*"><a href="\/providers\/veritalk\/cells\//g)).toHaveLength(cells.length);
    expect(res.text).toContain('class="heat-legend heat"');
    expect(res.text).toContain('id="history"');
    expect(res.text).toContain('id="findings"');
  });

  it('narrows the heatmap with ?jurisdiction= and ?category=', async () => {
    const res = await request(service.app).get('/providers/veritalk?jurisdiction=CN,US&category=message-content');
    expect(res.text.match(/\/providers\/veritalk\/cells\/message-content\//g)).toHaveLength(2);
  });

  it('escapes every provider-supplied string', async () => {
    const res = await request(service.app).get('/providers/hostile');
    expect(res.status).toBe(200);
    expectNoInjectedMarkup(res.text);
    expect(res.text).toContain(`<h1>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;</h1>`);
  });

  it('uses no inline script or style element, so the strict report-page CSP holds', async () => {
    const res = await request(service.app).get('/providers/veritalk');
    expect(res.headers['content-security-policy']).toContain("script-src 'none'");
    expect(res.text).not.toMatch(/<script|<style|\son[a-z]+=/i);
    const css = await request(service.app).get('/assets/report.css');
    expect(css.status).toBe(200);
    expect(css.type).toBe('text/css');
  });

  it('answers 404 for an unknown provider and 400 for a malformed id', async () => {
    expect((await request(service.app).get('/providers/nobody')).status).toBe(404);
    expect((await request(service.app).get('/providers/NOT_AN_ID')).status).toBe(400);
  });
});

describe('cell, raw value and compare pages', () => {
  it('a cell page explains one cell; a raw value page shows exactly what was written', async () => {
    const cell = await request(service.app).get('/providers/veritalk/cells/message-content/CN');
    expect(cell.status).toBe(200);
    expect(cell.text).toMatch(/<h1>Message content × China[^<]*<\/h1>/);
    expect(cell.text).toContain("<h2 id=\"pathways\">");
    const value = await request(service.app).get('/providers/veritalk/declarations/1?pointer=%2FdataCategories%2F0%2Fretention');
    expect(value.status).toBe(200);
    expect(value.text).toContain('&quot;account-deletion&quot;');
    expect((await request(service.app).get('/providers/veritalk/declarations/1?pointer=%2Fnope')).status).toBe(404);
    expect((await request(service.app).get('/providers/veritalk/declarations/9')).status).toBe(404);
  });

  it('the badge embed snippet uses an absolute URL', async () => {
    const res = await request(service.app).get('/providers/veritalk').set('host', 'atlas.example');
    expect(res.text).toContain('&lt;img src=&quot;http://atlas.example/badges/veritalk.svg&quot;');
  });

  it('pages link to the CSV form of their tables, and every such link answers CSV', async () => {
    const pages = ['/', '/providers/veritalk', '/providers/veritalk/cells/message-content/CN', '/compare?providers=veritalk,hostile'];
    for (const url of pages) {
      const html = (await request(service.app).get(url)).text;
      const links = [...html.matchAll(/href="([^"]*format=csv[^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        const res = await request(service.app).get(link);
        expect([link, res.status, res.type]).toEqual([link, 200, 'text/csv']);
        expect(res.text.split('\r\n')[0]).toMatch(/(^|,)providerId(,|$)/);
      }
    }
  });

  it("a feed entry's alternate link is the version's HTML page, with the JSON as a related link", async () => {
    const feed = (await request(service.app).get('/v1/providers/veritalk/feed.atom').set('host', 'atlas.example')).text;
    expect(feed).toContain('<link rel="alternate" type="text/html" href="http://atlas.example/providers/veritalk"/>');
    const alternate = /<entry>[\s\S]*?<link rel="alternate" type="text\/html" href="http:\/\/atlas\.example([^"]+)"\/>/.exec(feed)![1];
    expect(alternate).toBe('/providers/veritalk/declarations/1');
    expect(feed).toContain('<link rel="related" type="application/json" href="http://atlas.example/v1/providers/veritalk/declarations/1"/>');
    const page = await request(service.app).get(alternate);
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html');
  });

  it('the compare page shows the providers side by side', async () => {
    const res = await request(service.app).get('/compare?providers=veritalk,hostile');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<table class="compare facts-compare">');
    expect((await request(service.app).get('/compare?providers=veritalk')).status).toBe(400);
  });
});

describe('GET /badges/{providerId}.svg', () => {
  it('is an embeddable SVG with name, grade and disclosure score', async () => {
    const latest = (await request(service.app).get('/v1/providers/veritalk')).body;
    const res = await getSvg('/badges/veritalk.svg');
    expect(res.status).toBe(200);
    expect(res.type).toBe('image/svg+xml');
    check('get', '/badges/{providerId}.svg', res);
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const svg = res.text;
    expect(svg).toContain('VeriTalk');
    const { grade, establishedGrade } = latest.exposure.overall;
    expect(svg).toContain(`exposure ${establishedGrade === grade ? grade : `${establishedGrade}–${grade}`}`);
    expect(svg).toContain(`disclosure ${Math.round(latest.disclosureScore)}`);
  });

  it('takes a law date and a basis, as the API does', async () => {
    const past = await getSvg('/badges/veritalk.svg?lawDate=2010-01-01');
    expect(past.status).toBe(200);
    expect(past.text).toContain('VeriTalk');
    const observed = await getSvg('/badges/veritalk.svg?basis=observed');
    expect(observed.status).toBe(200);
    expect(observed.text).toContain('VeriTalk (as observed)');
    expect((await request(service.app).get('/badges/veritalk.svg?basis=rumoured')).status).toBe(400);
    expect((await request(service.app).get('/badges/veritalk.svg?lawDate=2010-02-30')).status).toBe(400);
  });

  it('escapes a hostile name', async () => {
    const res = await getSvg('/badges/hostile.svg');
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<script');
    expect(res.text).toContain('&lt;script&gt;');
  });

  it('answers 404 for an unknown provider or a path without .svg', async () => {
    expect((await request(service.app).get('/badges/nobody.svg')).status).toBe(404);
    expect((await request(service.app).get('/badges/veritalk.png')).status).toBe(404);
  });
});

describe('GET /guide/declaration-guide.md', () => {
  it('serves the field guide that the API docs and every page header link to, as an HTML page and as Markdown', async () => {
    const md = await request(service.app).get('/guide/declaration-guide.md');
    expect(md.status).toBe(200);
    expect(md.type).toBe('text/markdown');
    expect(md.text).toMatch(/^# Writing a declaration/);
    const page = await request(service.app).get('/guide/declaration-guide');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html');
    expect(page.text).toMatch(/<h1 id="writing-a-declaration[a-z-]*">Writing a declaration/);
    expect(page.text).not.toContain('](');
    expect((await request(service.app).get('/')).text).toContain('<a href="/guide/declaration-guide">');
    expect((await request(service.app).get('/openapi.json')).body.info.description).toContain('(/guide/declaration-guide)');
  });

  it('every link between the guides, to schemas and to samples leads somewhere on this site', async () => {
    const index = await request(service.app).get('/guide');
    expect(index.status).toBe(200);
    const guides = [...index.text.matchAll(/<a href="(\/guide\/[a-z0-9-]+)">/g)].map((m) => m[1]);
    expect(guides).toEqual(expect.arrayContaining(['/guide/declaration-guide', '/guide/methodology', '/guide/observations']));
    const local = new Set<string>();
    for (const guide of guides) {
      const res = await request(service.app).get(guide);
      expect([guide, res.status]).toEqual([guide, 200]);
      for (const m of res.text.matchAll(/<a href="([^"#]*)(#[^"]*)?"/g)) if (m[1].startsWith('/') || (m[1] !== '' && !/^[a-z]+:/.test(m[1]))) local.add(m[1]);
    }
    expect([...local].some((l) => l.startsWith('/v1/schemas/'))).toBe(true);
    for (const link of local) {
      expect(link.startsWith('/')).toBe(true);
      const res = await request(service.app).get(link);
      expect([link, res.status]).toEqual([link, 200]);
    }
  });
});
