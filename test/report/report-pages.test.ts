import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { boundsText } from '../../src/report/cell-bounds.js';
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
  it('draws the heatmap as a table with the same numbers as /v1/providers/{id}/exposure, each cell linking to its page', async () => {
    const cells = (await request(service.app).get('/v1/providers/veritalk/exposure')).body.cells as { category: string; jurisdiction: string; score: number; established?: number; worstCase?: number }[];
    // `jurisdiction=` (empty): every column, as the API answers without a filter.
    const page = (await request(service.app).get('/providers/veritalk?jurisdiction=')).text;
    const matrix = /<table class="heat">([\s\S]*?)<\/table>/.exec(page)![1];
    const jurisdictions = [...new Set(cells.map((c) => c.jurisdiction))];
    expect(matrix.match(/<th scope="col">/g)).toHaveLength(1 + jurisdictions.length);
    expect(matrix.match(/<th scope="row">/g)).toHaveLength(new Set(cells.map((c) => c.category)).size);
    for (const c of cells) {
      const text = boundsText({ established: c.established ?? c.score, worstCase: c.worstCase ?? c.score }).replace('.', '\\.');
      expect(matrix).toMatch(new RegExp(`<a href="/providers/veritalk/cells/${c.category}/${c.jurisdiction}"[^>]*>${text}</a>`));
    }
  });

  it('puts the heatmap first, then the five questions in order, then findings; no pathway text inline', async () => {
    const page = (await request(service.app).get('/providers/veritalk')).text;
    const order = ['<table class="heat">', 'id="requests"', 'id="data"', 'id="interception"', 'id="third-parties"', 'id="legal-process"', 'id="findings"'].map((s) => page.indexOf(s));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page).not.toContain('class="pathways"');
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
