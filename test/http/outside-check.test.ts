import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { adminAuth, testService, validDeclaration, type TestService } from '../support/service.js';

// Regressions for what the outside check of issues 2 and 5 found against a running server.

let service: TestService;
let check: Awaited<ReturnType<typeof openApiResponseValidator>>;
beforeAll(async () => {
  service = await testService();
  check = await openApiResponseValidator();
  const res = await request(service.app).post('/v1/providers/veritalk/declarations').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(validDeclaration()));
  expect(res.status).toBe(201);
});

const isProblem = (res: request.Response) => expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);

describe('a method a documented path does not answer is 405 with Allow (was 404)', () => {
  it.each([
    ['delete', '/v1/providers/veritalk', 'GET, HEAD'],
    ['put', '/v1/providers/veritalk/declarations', 'GET, HEAD, POST'],
    ['patch', '/v1/providers/veritalk/declarations/1', 'GET, HEAD'],
    ['get', '/v1/validate', 'POST'],
    ['delete', '/v1/keys', 'GET, HEAD, POST'],
    ['post', '/v1/keys/key_0123456789abcdef', 'DELETE'],
    ['put', '/v1/categories', 'GET, HEAD'],
    ['post', '/healthz', 'GET, HEAD'],
    ['delete', '/v1/feed.atom', 'GET, HEAD'],
  ] as const)('%s %s → 405, Allow: %s', async (method, path, allow) => {
    const res = await request(service.app)[method](path);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe(allow);
    isProblem(res);
  });

  it.each([
    ['get', '/v1/nope'],
    ['delete', '/v1/providers/veritalk/declarations/1/more'],
    ['get', '/v1/feed.atomx'],
    // Swagger UI is pages: it used to answer every method with 200.
    ['delete', '/docs/'],
    ['post', '/docs/'],
  ] as const)('%s %s (no such documented path) → 404', async (method, path) => {
    const res = await request(service.app)[method](path);
    expect(res.status).toBe(404);
    isProblem(res);
  });

  it('still serves Swagger UI to GET', async () => {
    const res = await request(service.app).get('/docs/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
  });
});

describe('scalar query parameters refuse arrays and objects (offset[]=1 used to be read as 1)', () => {
  it.each([
    '/v1/providers?offset[]=1',
    '/v1/providers?offset=1&offset=2',
    '/v1/providers?offset[a]=1',
    '/v1/providers?limit[]=2',
    '/v1/providers?limit=1&limit=2',
    '/v1/providers?limit[a]=1',
    '/v1/providers?offset[]=0',
  ])('%s → 400', async (url) => {
    const res = await request(service.app).get(url);
    expect(res.status).toBe(400);
    isProblem(res);
    check('get', '/v1/providers', res);
  });

  it('still takes one value', async () => {
    const res = await request(service.app).get('/v1/providers?offset=0&limit=1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ limit: 1, offset: 0 });
  });
});

describe('statuses the routes emit are in openapi.yaml', () => {
  it.each([
    ['/v1/schemas/{name}', '/v1/schemas/%E0%A4%A', 400],
    ['/v1/jurisdictions/{code}', '/v1/jurisdictions/%E0%A4%A', 400],
    ['/v1/schemas/{name}', '/v1/schemas/nope', 404],
    ['/v1/jurisdictions/{code}', '/v1/jurisdictions/zz', 404],
  ])('GET %s (%s) → %i, documented', async (template, url, status) => {
    const res = await request(service.app).get(url);
    expect(res.status).toBe(status);
    check('get', template, res);
  });
});

describe('hostile sizes are answered quickly and clearly', () => {
  it('an array longer than any format allows is 422 maxItems at the array, before validation', async () => {
    const doc = validDeclaration();
    doc.sources = Array(100_000).fill(1);
    const res = await request(service.app).post('/v1/validate').set('content-type', 'application/json').send(JSON.stringify(doc));
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ pointer: '/sources', keyword: 'maxItems', message: 'array has more than 20000 items' }]);
    check('post', '/v1/validate', res);
  });

  it('a document with thousands of errors gets the first 1000 and a maxErrors note', async () => {
    const doc = validDeclaration();
    doc.governmentRequests = Array(20_000).fill({ x: 1 });
    const res = await request(service.app).post('/v1/providers/veritalk/declarations').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(doc));
    expect(res.status).toBe(422);
    expect(res.body.errors).toHaveLength(1001);
    expect(res.body.errors.at(-1)).toMatchObject({ pointer: '', keyword: 'maxErrors' });
    check('post', '/v1/providers/{providerId}/declarations', res);
    expect((await service.store.history('veritalk')).length).toBe(1);
  });
});
