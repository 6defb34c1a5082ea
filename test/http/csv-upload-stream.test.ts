import { describe, expect, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { importTables } from '../../src/policies/load-import-tables.js';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { adminAuth, testService, validDeclaration } from '../support/service.js';

const HEADER = 'Period Ending,Country/Region,CLDR Territory Code,Legal Process,User Data Requests,Percentage disclosed,Accounts';
const LIMIT = 16 * 1024 * 1024;

async function app() {
  const { app } = await testService();
  await request(app).post('/v1/providers/veritalk/declarations').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(validDeclaration())).expect(201);
  return app;
}
const post = (target: Parameters<typeof request>[0]) => request(target).post('/v1/providers/veritalk/transparency').set(adminAuth).set('content-type', 'text/csv');

/** CSV bodies stream to the CSV thread: the same answers as a buffered body, the same refusals as express's parser. */
describe('a CSV upload streamed to the CSV thread', () => {
  it('reads a body in many chunks, a gzip one inflated, and a declared charset', async () => {
    const a = await app();
    const rows = Array.from({ length: 400 }, (_, i) => `${2000 + (i % 20)}-${i % 40 < 20 ? '06-30' : '12-31'},Germany,DE,All,${i},2,3`);
    const csv = [HEADER, ...rows].join('\n');
    const plain = await post(a).send(csv).expect(201);
    expect(plain.body).toMatchObject({ imported: 40, skippedTotal: 360, layout: 'google-current', encoding: 'utf-8' });
    const zipped = await post(a).set('content-encoding', 'gzip').send(gzipSync(Buffer.from(csv.replace(/,2,3$/gm, ',2,4')))).expect(201);
    expect(zipped.body).toMatchObject({ imported: 40, replaced: 40 });
    const latin = await post(a).set('content-type', 'text/csv; charset=windows-1252').send(Buffer.from(`${HEADER}\n2001-06-30,Germany,DE,All,7,2,3\n`, 'latin1')).expect(201);
    expect(latin.body).toMatchObject({ encoding: 'windows-1252', imported: 1 });
  });

  it('refuses a body past the limit with 413, before reading it when its length says so, and after it when it is chunked', async () => {
    const a = await app();
    const declared = await post(a).set('content-length', String(LIMIT + 1)).send('x'.repeat(LIMIT + 1));
    expect(declared.status).toBe(413);
    expect(declared.body).toMatchObject({ title: 'Content Too Large' });
    const bomb = gzipSync(Buffer.from(HEADER + '\n' + '0'.repeat(LIMIT)));
    const inflated = await post(a).set('content-encoding', 'gzip').send(bomb);
    expect(inflated.status).toBe(413);
    await request(a).get('/v1/providers/veritalk/declarations/1').expect(200);
    await request(a).get('/v1/providers/veritalk/declarations/2').expect(404);
  });

  it('answers 400 for an empty body and one that does not inflate, 415 for an unknown encoding, 422 for too many rows', async () => {
    const a = await app();
    expect((await post(a).set('transfer-encoding', 'chunked').send('')).status).toBe(400);
    expect((await post(a).set('content-encoding', 'gzip').send('not gzip at all')).status).toBe(400);
    expect((await post(a).set('content-encoding', 'zstd-ish').send('a,b\n')).status).toBe(415);
    // 20,001 distinct rows: 101 years × 2 half years × 100 territories.
    const codes = [...importTables().jurisdictions].filter((c) => /^[A-Z]{2}$/.test(c)).slice(0, 100);
    const many = Array.from({ length: 20_001 }, (_, i) => `${1900 + Math.floor(i / 200)}-${i % 2 ? '06-30' : '12-31'},,${codes[Math.floor(i / 2) % 100]},All,${i},2,3`);
    const tooMany = await post(a).send([HEADER, ...many].join('\n'));
    expect(tooMany.status).toBe(422);
    expect(tooMany.body).toMatchObject({ title: 'Too Many Rows', maxRows: 20_000, line: 20_002 });
    (await openApiResponseValidator())('post', '/v1/providers/{providerId}/transparency', tooMany);
  });
});
