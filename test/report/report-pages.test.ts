import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { adminAuth, testService, validDeclaration, type TestService } from '../support/service.js';

const HOSTILE = `<script>alert(1)</script>"><img src=x onerror=alert(2)></title>`;

let service: TestService;

beforeAll(async () => {
  service = await testService();
  const hostile = validDeclaration('hostile');
  hostile.provider.name = `${HOSTILE} \u202Eevil`;
  hostile.provider.services = [`${HOSTILE}\u202E`, 'voice'];
  for (const doc of [validDeclaration('veritalk'), hostile]) {
    const res = await request(service.app).post(`/v1/providers/${doc.provider.id}/declarations`).set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(doc));
    expect(res.status).toBe(201);
  }
});

describe('report page', () => {
  it('has a table fallback with the same numbers as /v1/providers/{id}/exposure, with header scopes', async () => {
    const cells = (await request(service.app).get('/v1/providers/veritalk/exposure')).body.cells as { category: string; jurisdiction: string; score: number }[];
    const page = (await request(service.app).get('/providers/veritalk')).text;
    const matrix = /<table class="matrix">([\s\S]*?)<\/table>/.exec(page)![1];
    const jurisdictions = [...new Set(cells.map((c) => c.jurisdiction))];
    expect(matrix.match(/<th scope="col">/g)).toHaveLength(1 + jurisdictions.length);
    expect(matrix.match(/<th scope="row">/g)).toHaveLength(new Set(cells.map((c) => c.category)).size);
    for (const c of cells) expect(matrix).toContain(`<a href="#cell-${c.category}-${c.jurisdiction}">${c.score}</a>`);
  });

  it('puts the heatmap before the long pathway table, and draws the grade bands in its legend', async () => {
    const page = (await request(service.app).get('/providers/veritalk')).text;
    expect(page.indexOf('<svg class="heatmap"')).toBeLessThan(page.indexOf('id="findings"'));
    expect(page.indexOf('id="findings"')).toBeLessThan(page.indexOf('<h2 id="cells">'));
    expect(page.match(/<g class="grade-band">/g)).toHaveLength(6);
  });

  it('isolates provider-supplied inline text and keeps bidi overrides out of the title', async () => {
    const page = (await request(service.app).get('/providers/hostile')).text;
    expect(page).not.toMatch(/<script|<img src=x/);
    expect(page).toContain('<bdi>&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(/<title>([^<]*)<\/title>/.exec(page)![1]).not.toContain('\u202E');
    const ranking = (await request(service.app).get('/')).text;
    expect(ranking).toContain('<a href="/providers/hostile"><bdi>&lt;script&gt;');
    expect(ranking).toMatch(/<div class="grade-key">/);
  });
});

describe('errors on pages', () => {
  it('answers a browser with an HTML 404 page that escapes the id', async () => {
    const res = await request(service.app).get('/providers/no-such-one').set('accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8');
    expect(res.status).toBe(404);
    expect(res.type).toBe('text/html');
    expect(res.headers.vary).toMatch(/Accept/);
    expect(res.text).toContain('<h1>Not found</h1>');
    expect(res.text).toContain('No provider &quot;no-such-one&quot;');
    expect(res.text).toContain('<a href="/">');
  });

  it('still answers API clients (and */*) with problem+json, and badges always', async () => {
    for (const accept of ['application/json', '*/*', 'application/problem+json']) {
      const res = await request(service.app).get('/providers/no-such-one').set('accept', accept);
      expect(res.status).toBe(404);
      expect(res.type).toBe('application/problem+json');
    }
    const badge = await request(service.app).get('/badges/no-such-one.svg').set('accept', 'text/html');
    expect(badge.status).toBe(404);
    expect(badge.type).toBe('application/problem+json');
  });

  it('gives a malformed id a 400 page in a browser', async () => {
    const res = await request(service.app).get('/providers/NOT_AN_ID').set('accept', 'text/html');
    expect(res.status).toBe(400);
    expect(res.type).toBe('text/html');
  });
});
