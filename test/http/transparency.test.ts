import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { projectRoot } from '../../src/paths.js';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { adminAuth, testService, validDeclaration } from '../support/service.js';

let check: Awaited<ReturnType<typeof openApiResponseValidator>>;
beforeAll(async () => {
  check = await openApiResponseValidator();
});

const csvFixture = (name: string) => readFileSync(path.join(projectRoot, 'test/fixtures/transparency', name));
const PATH = '/v1/providers/{providerId}/transparency';

async function serviceWithProvider(id = 'veritalk') {
  const service = await testService();
  await request(service.app).post(`/v1/providers/${id}/declarations`).set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(validDeclaration(id))).expect(201);
  return service;
}

const importCsv = (app: Parameters<typeof request>[0], body: Buffer | string, id = 'veritalk') =>
  request(app).post(`/v1/providers/${id}/transparency`).set(adminAuth).set('content-type', 'text/csv').send(body);

describe('POST /v1/providers/{providerId}/transparency', () => {
  it('merges the Google export into a new version; the same file again changes nothing', async () => {
    const { app } = await serviceWithProvider();
    const first = await importCsv(app, csvFixture('google-user-data-requests-excerpt.csv'));
    expect(first.status).toBe(201);
    expect(first.headers.location).toBe('/v1/providers/veritalk/declarations/2');
    expect(first.body).toMatchObject({ version: 2, created: true, layout: 'google-current', encoding: 'utf-8', imported: 180, added: 180, skipped: [] });
    check('post', PATH, first);

    const again = await importCsv(app, csvFixture('google-user-data-requests-excerpt.csv'));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ version: 2, created: false, added: 0, replaced: 0, unchanged: 180 });
    check('post', PATH, again);
    const latest = await request(app).get('/v1/providers/veritalk').expect(200);
    expect(latest.body.declaration.governmentRequests).toHaveLength(180);
  });

  it('gives per-country totals equal to the published figures', async () => {
    const { app } = await serviceWithProvider();
    await importCsv(app, csvFixture('google-user-data-requests-excerpt.csv')).expect(201);
    const res = await request(app).get('/v1/transparency?provider=veritalk').expect(200);
    check('get', '/v1/transparency', res);
    // Google leaves preservation requests out of its per-country totals; so do these (sums of the file's other rows).
    expect(res.body.byCountry).toEqual([
      { country: 'BR', requests: 83566, accounts: 326339, rows: 41, rowsWithoutAccounts: 0 },
      { country: 'DE', requests: 234732, accounts: 349174, rows: 44, rowsWithoutAccounts: 0 },
      { country: 'IN', requests: 214404, accounts: 585471, rows: 44, rowsWithoutAccounts: 0 },
    ]);
    const de2022 = await request(app).get('/v1/transparency?country=DE&from=2022-07-01&to=2022-12-31').expect(200);
    expect(de2022.body.totals).toEqual({ requests: 306 + 34627, accounts: 415 + 47553, rows: 2, rowsWithoutAccounts: 0 });
    const preserved = await request(app).get('/v1/transparency?country=DE&from=2022-07-01&to=2022-12-31&process=preservation-request').expect(200);
    expect(preserved.body.totals).toEqual({ requests: 222, accounts: 2440, rows: 1, rowsWithoutAccounts: 0 });
    await request(app).get('/v1/transparency?period=2022-02-30').expect(400);
    await request(app).get('/v1/transparency?from=2022-06-31').expect(400);
    const allRows = await request(app).get('/v1/transparency?process=all&country=IN&period=2009-12-31').expect(200);
    expect(allRows.body.rows).toEqual([expect.objectContaining({ process: 'all', requests: 1061, counted: true })]);
  });

  it('lists skipped lines of a messy windows-1252 export with their reasons', async () => {
    const { app } = await serviceWithProvider();
    const res = await importCsv(app, csvFixture('google-2017-layout-messy-cp1252.csv'));
    expect(res.status).toBe(201);
    expect(res.body.encoding).toBe('windows-1252');
    expect(res.body.imported).toBe(8);
    expect(res.body.skipped).toHaveLength(8);
    expect(res.body.skipped[0]).toEqual({ line: 6, reason: expect.stringMatching(/United Nations/) });
    check('post', PATH, res);
  });

  it('answers 422 naming the expected headers for an unknown layout, and stores nothing', async () => {
    const { app, store } = await serviceWithProvider();
    const res = await importCsv(app, 'Quarter,Nation,Demands\nQ1,DE,12\n');
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.found).toEqual(['Quarter', 'Nation', 'Demands']);
    expect(res.body.expected[0].headers).toContain('Legal Process');
    check('post', PATH, res);
    expect(await store.history('veritalk')).toHaveLength(1);
  });

  it('imports JSON rows, all or nothing', async () => {
    const { app } = await serviceWithProvider();
    const row = { period: { start: '2023-01-01', end: '2023-06-30' }, country: 'US', process: 'national-security-letter', requests: { min: 0, max: 499 }, accounts: { min: 0, max: 499 } };
    const ok = await request(app).post('/v1/providers/veritalk/transparency').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify([row]));
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ layout: 'json', imported: 1, added: 1 });
    check('post', PATH, ok);
    const bad = await request(app).post('/v1/providers/veritalk/transparency').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify([row, { ...row, country: 'XX' }]));
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toContainEqual(expect.objectContaining({ pointer: '/1/country' }));
    check('post', PATH, bad);
    const banded = await request(app).get('/v1/transparency?process=national-security-letter').expect(200);
    expect(banded.body.totals).toEqual({ requests: { min: 0, max: 499 }, accounts: { min: 0, max: 499 }, rows: 1, rowsWithoutAccounts: 0 });
  });

  it('imports worldwide figures (001) and rows without an account count; a worldwide row never moves a country', async () => {
    const { app } = await serviceWithProvider();
    const de = { period: { start: '2012-01-01', end: '2012-12-31' }, country: 'DE', process: 'all', requests: 120, accounts: 150, percentDisclosed: 80 };
    const exposureDe = async () => (await request(app).get('/v1/providers/veritalk/exposure?jurisdiction=DE').expect(200)).body.cells.map((c: { established: number; worstCase: number }) => [c.established, c.worstCase]);
    await request(app).post('/v1/providers/veritalk/transparency').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify([de])).expect(201);
    const before = await exposureDe();
    // Skype's 2012 report gave only worldwide totals: 4,713 requests, 15,409 accounts; an early report without accounts.
    const world = { period: { start: '2012-01-01', end: '2012-12-31' }, country: '001', process: 'all', requests: 4713, accounts: 15409, percentDisclosed: 2 };
    const noAccounts = { period: { start: '2011-01-01', end: '2011-12-31' }, country: '001', process: 'all', requests: 900 };
    const res = await request(app).post('/v1/providers/veritalk/transparency').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify([world, noAccounts]));
    expect(res.status).toBe(201);
    check('post', PATH, res);
    const worldwide = await request(app).get('/v1/transparency?country=001').expect(200);
    check('get', '/v1/transparency', worldwide);
    expect(worldwide.body.rows.map((r: { country: string }) => r.country)).toEqual(['001', '001']);
    expect(worldwide.body.totals).toEqual({ requests: 5613, accounts: 15409, rows: 2, rowsWithoutAccounts: 1 });
    expect(await exposureDe()).toEqual(before);
  });

  it('needs a declaration to merge into, a key, and a CSV or JSON body', async () => {
    const { app } = await serviceWithProvider();
    const missing = await importCsv(app, csvFixture('google-user-data-requests-excerpt.csv'), 'nobody');
    expect(missing.status).toBe(404);
    check('post', PATH, missing);
    const anonymous = await request(app).post('/v1/providers/veritalk/transparency').set('content-type', 'text/csv').send('a,b\n');
    expect(anonymous.status).toBe(401);
    const wrongType = await request(app).post('/v1/providers/veritalk/transparency').set(adminAuth).set('content-type', 'text/plain').send('x');
    expect(wrongType.status).toBe(415);
    check('post', PATH, wrongType);
  });
});

describe('GET /v1/transparency', () => {
  it('exports rows as CSV in the import layout, and the export imports again unchanged', async () => {
    const { app } = await serviceWithProvider();
    await importCsv(app, csvFixture('google-user-data-requests-excerpt.csv')).expect(201);
    const csv = await request(app).get('/v1/transparency').set('accept', 'text/csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    check('get', '/v1/transparency', csv);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('providerId,period.start,period.end,country,process,requests,accounts,percentDisclosed,outcomes.contentDisclosed,outcomes.nonContentOnly,outcomes.noDataFound,outcomes.rejected,categoriesRequested,counted');
    expect(lines).toHaveLength(181);
    const again = await importCsv(app, csv.text);
    expect(again.body).toMatchObject({ layout: 'atlas', created: false, unchanged: 180, skipped: [] });
  });

  it('rejects a malformed date with 400', async () => {
    const { app } = await testService();
    const res = await request(app).get('/v1/transparency?from=2020-13-45');
    expect(res.status).toBe(400);
    check('get', '/v1/transparency', res);
  });
});
