import { beforeAll, describe, expect, it } from '@jest/globals';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import request from 'supertest';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { adminAuth, testService, validDeclaration } from '../support/service.js';

let check: Awaited<ReturnType<typeof openApiResponseValidator>>;
beforeAll(async () => {
  check = await openApiResponseValidator();
});

type App = Parameters<typeof request>[0];
const submit = (app: App, doc: unknown, id = 'veritalk') =>
  request(app).post(`/v1/providers/${id}/declarations`).set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(doc)).expect(201);

/** Version 1 as the sample; version 2 keeps message content for a year and weakens its transit protection. */
async function twoVersions() {
  const service = await testService();
  await submit(service.app, validDeclaration());
  const v2 = validDeclaration();
  v2.asOf = '2024-12-31';
  v2.dataCategories[1].retention = { kind: 'fixed', duration: 'P1Y' };
  v2.dataCategories[1].protection.inTransit = 'transport';
  await submit(service.app, v2);
  return service;
}

describe('GET /v1/providers/{providerId}/diff', () => {
  it('shows a retention increase and a weaker protection between versions', async () => {
    const { app } = await twoVersions();
    const res = await request(app).get('/v1/providers/veritalk/diff?from=1&to=2').expect(200);
    check('get', '/v1/providers/{providerId}/diff', res);
    expect(res.body).toMatchObject({ providerId: 'veritalk', from: 1, to: 2 });
    expect(res.body.changes).toEqual([
      { pointer: '/asOf', kind: 'changed', before: '2024-06-30', after: '2024-12-31' },
      { pointer: '/dataCategories/1/retention', kind: 'retention-lengthened', before: { kind: 'none' }, after: { kind: 'fixed', duration: 'P1Y' } },
      { pointer: '/dataCategories/1/protection/inTransit', kind: 'protection-weakened', before: 'end-to-end', after: 'transport' },
    ]);
    const byDefault = await request(app).get('/v1/providers/veritalk/diff').expect(200);
    expect(byDefault.body.changes).toEqual(res.body.changes);
  });

  it('answers 400 without a predecessor and 404 for a missing version', async () => {
    const { app } = await testService();
    await submit(app, validDeclaration());
    const first = await request(app).get('/v1/providers/veritalk/diff');
    expect(first.status).toBe(400);
    check('get', '/v1/providers/{providerId}/diff', first);
    const missing = await request(app).get('/v1/providers/veritalk/diff?from=1&to=9');
    expect(missing.status).toBe(404);
    check('get', '/v1/providers/{providerId}/diff', missing);
  });
});

describe('GET /v1/providers/{providerId}/findings', () => {
  it('names the retention increase as a regression, computed with the version', async () => {
    const { app } = await twoVersions();
    const res = await request(app).get('/v1/providers/veritalk/findings').expect(200);
    check('get', '/v1/providers/{providerId}/findings', res);
    expect(res.body.version).toBe(2);
    expect(res.body.findings).toContainEqual(expect.objectContaining({ rule: 'retention-lengthened', severity: 'warning', pointers: ['/dataCategories/1/retention'] }));
    expect(res.body.findings).toContainEqual(expect.objectContaining({ rule: 'protection-weakened', pointers: ['/dataCategories/1/protection/inTransit'] }));
    const v1 = await request(app).get('/v1/providers/veritalk/findings?version=1').expect(200);
    expect(v1.body.findings.map((f: { rule: string }) => f.rule)).not.toContain('retention-lengthened');
  });

  it('finds a planted contradiction and points at it', async () => {
    const { app } = await testService();
    const doc = validDeclaration();
    doc.thirdParties = [{ id: 'local-op', name: 'Local Operator', relationship: 'licensee', jurisdiction: 'CN', categories: ['message-content'], capabilities: ['keyword-filtering'] }];
    doc.governmentRequests = [{ period: { start: '2024-01-01', end: '2024-06-30' }, country: 'US', process: 'search-warrant', requests: 4, accounts: 4, outcomes: { contentDisclosed: 2 } }];
    await submit(app, doc);
    const res = await request(app).get('/v1/providers/veritalk/findings?severity=error').expect(200);
    // Content disclosed while every content category is declared end to end at rest is also an
    // infeasible pair of answers (model 3, P13): both errors name the disclosure.
    expect(res.body.findings).toEqual([
      expect.objectContaining({ rule: 'infeasible-answer', kind: 'document', pointers: ['/dataCategories/1/protection/atRest', '/governmentRequests/0/outcomes/contentDisclosed'] }),
      expect.objectContaining({ rule: 'requests-answered-beyond-declaration', kind: 'document', pointers: ['/dataCategories/1', '/governmentRequests/0/outcomes/contentDisclosed'] }),
    ]);
    // Honestly disclosing a licensee's powers is no error of the document: reported as what it reveals.
    const all = await request(app).get('/v1/providers/veritalk/findings').expect(200);
    expect(all.body.findings).toContainEqual(
      expect.objectContaining({ rule: 'surveillance-party-reads-content', severity: 'info', kind: 'disclosure', jurisdiction: 'CN', pointers: ['/thirdParties/0/capabilities/0', '/thirdParties/0/categories/0'] }),
    );
  });

  it('exports findings as CSV and rejects unknown severities', async () => {
    const { app } = await twoVersions();
    const csv = await request(app).get('/v1/providers/veritalk/findings').set('accept', 'text/csv').expect(200);
    check('get', '/v1/providers/{providerId}/findings', csv);
    expect(csv.text.split('\r\n')[0]).toBe('providerId,version,rule,severity,kind,message,pointers,jurisdiction');
    expect((await request(app).get('/v1/providers/veritalk/findings?format=csv').expect(200)).text).toBe(csv.text);
    const bad = await request(app).get('/v1/providers/veritalk/findings?severity=fatal');
    expect(bad.status).toBe(400);
    check('get', '/v1/providers/{providerId}/findings', bad);
    const missing = await request(app).get('/v1/providers/nobody/findings');
    expect(missing.status).toBe(404);
    check('get', '/v1/providers/{providerId}/findings', missing);
  });
});

describe('Atom feeds', () => {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'category' });

  it('is valid Atom with stable ids, one entry per version, naming the regression', async () => {
    const { app } = await twoVersions();
    const res = await request(app).get('/v1/providers/veritalk/feed.atom').set('host', 'atlas.example').expect(200);
    check('get', '/v1/providers/{providerId}/feed.atom', res);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(XMLValidator.validate(res.text)).toBe(true);
    const feed = parser.parse(res.text).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('tag:retention-atlas.example,2025:providers/veritalk/feed');
    expect(feed.entry.map((e: { id: string }) => e.id)).toEqual([
      'tag:retention-atlas.example,2025:providers/veritalk/declarations/2',
      'tag:retention-atlas.example,2025:providers/veritalk/declarations/1',
    ]);
    const [latest] = feed.entry;
    expect(latest.title).toBe('VeriTalk: version 2 (2 regressions)');
    expect(latest.summary["#text"]).toMatch(/message-content: retention lengthened at \/dataCategories\/1\/retention \(not kept → P1Y\)/);
    expect(latest.category[0]['@_term']).toBe('regression');
    for (const e of feed.entry) for (const key of ['id', 'title', 'updated', 'link', 'summary']) expect(e[key]).toBeDefined();
    const again = await request(app).get('/v1/providers/veritalk/feed.atom').set('host', 'atlas.example').expect(200);
    expect(again.text).toBe(res.text);
  });

  it('has a feed across providers, escaping what providers write', async () => {
    const { app } = await twoVersions();
    const other = validDeclaration('ampersand');
    other.provider.name = 'A & B <Telecom>';
    await submit(app, other, 'ampersand');
    const res = await request(app).get('/v1/feed.atom').expect(200);
    check('get', '/v1/feed.atom', res);
    expect(XMLValidator.validate(res.text)).toBe(true);
    const feed = parser.parse(res.text).feed;
    expect(feed.entry).toHaveLength(3);
    expect(feed.entry.map((e: { title: string }) => e.title)).toContain('A & B <Telecom>: first declaration (version 1)');
    expect(res.text).toContain('<title>A &amp; B &lt;Telecom&gt;: first declaration (version 1)</title>');
    const missing = await request(app).get('/v1/providers/nobody/feed.atom');
    expect(missing.status).toBe(404);
    check('get', '/v1/providers/{providerId}/feed.atom', missing);
  });
});
