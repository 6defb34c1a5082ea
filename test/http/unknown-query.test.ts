import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { queryParameters } from '../../src/http/query-guard.js';
import { loadOpenApiDocument } from '../../src/http/openapi-document.js';
import '../support/close-csv-thread.js';
import { adminAuth, testService, validDeclaration, type TestService } from '../support/service.js';

let service: TestService;

beforeAll(async () => {
  service = await testService();
  const doc = validDeclaration('veritalk');
  expect((await request(service.app).post('/v1/providers/veritalk/declarations').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(doc))).status).toBe(201);
});

describe('unknown query parameters on /v1', () => {
  it('answer 400 problem+json naming the parameter, instead of an unfiltered ranking', async () => {
    const res = await request(service.app).get('/v1/exposure?categories=message-content&jurisdictions=CN');
    expect(res.status).toBe(400);
    expect(res.type).toBe('application/problem+json');
    expect(res.body.errors.map((e: { parameter: string }) => e.parameter).sort()).toEqual(['categories', 'jurisdictions']);
    expect(res.body.errors[0]).toMatchObject({ pointer: '', keyword: 'additionalProperties' });
    expect(res.body.detail).toContain('category');
  });

  it('are refused on every kind of operation, reads and writes alike', async () => {
    for (const [method, url] of [
      ['get', '/v1/providers/veritalk?verbose=1'],
      ['get', '/v1/providers/veritalk/findings?severities=error'],
      ['get', '/v1/jurisdictions?lawdate=2013-01-31'],
      ['head', '/v1/providers?sort=name'],
    ] as const) {
      const res = await request(service.app)[method](url);
      expect([method, url, res.status]).toEqual([method, url, 400]);
    }
    const write = await request(service.app).post('/v1/validate?strict=true').set('content-type', 'application/json').send(JSON.stringify(validDeclaration('veritalk')));
    expect(write.status).toBe(400);
    expect(write.body.errors[0].parameter).toBe('strict');
  });

  it('leave the parameters each operation declares working', async () => {
    const ok = [
      '/v1/exposure?category=message-content&jurisdiction=CN&order=established&lawDate=2013-01-31&limit=5&offset=0&format=json&basis=declared',
      '/v1/providers/veritalk/exposure?category=message-content&lawDate=2013-01-31&explain=full',
      '/v1/providers/veritalk/findings?severity=error&format=csv',
      '/v1/jurisdictions/GB?lawDate=2013-01-31',
    ];
    for (const url of ok) expect([url, (await request(service.app).get(url)).status]).toEqual([url, 200]);
    const scored = await request(service.app).post('/v1/score?lawDate=2013-01-31&jurisdiction=LU').set('content-type', 'application/json').send(JSON.stringify(validDeclaration('veritalk')));
    expect(scored.status).toBe(200);
    expect(scored.body.lawDate).toBe('2013-01-31');
  });

  it('are read from openapi.yaml, so the document lists every parameter an operation accepts', async () => {
    const ops = queryParameters(await loadOpenApiDocument());
    const of = (method: string, path: string) => [...ops.find((o) => o.method === method && o.pattern.test(path))!.names].sort();
    expect(of('POST', '/v1/score')).toEqual(['basis', 'category', 'explain', 'format', 'jurisdiction', 'lawDate']);
    expect(of('GET', '/v1/providers/x/exposure')).toEqual(['basis', 'category', 'explain', 'format', 'jurisdiction', 'lawDate', 'version']);
  });

  it('leave pages alone: the HTML pages are not /v1', async () => {
    expect((await request(service.app).get('/?utm_source=newsletter')).status).toBe(200);
  });
});
