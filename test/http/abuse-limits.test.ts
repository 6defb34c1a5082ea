import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { providerAuth } from '../support/auth.js';
import { adminAuth, testService, validDeclaration } from '../support/service.js';

let check: Awaited<ReturnType<typeof openApiResponseValidator>>;
beforeAll(async () => {
  check = await openApiResponseValidator();
});

describe('body limits and media types', () => {
  const shared = testService();
  it('answers 413 problem+json for a body over BODY_LIMIT, before authentication matters', async () => {
    const { app, store } = await testService(undefined, { bodyLimit: '2kb' });
    const doc = validDeclaration();
    doc.provider.name = 'x'.repeat(3000);
    const res = await request(app).post('/v1/providers/veritalk/declarations').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(doc));
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    check('post', '/v1/providers/{providerId}/declarations', res);
    expect(await store.providerIds()).toEqual([]);
  });

  it('takes 1 MB by default', async () => {
    const { app } = await shared;
    const res = await request(app).post('/v1/validate').set('content-type', 'application/json').send(`{"pad":"${'x'.repeat(1024 * 1024)}"}`);
    expect(res.status).toBe(413);
    check('post', '/v1/validate', res);
  });

  it.each([
    ['text/plain', 'hello'],
    ['application/x-www-form-urlencoded', 'a=1'],
    ['multipart/form-data; boundary=x', '--x--'],
    ['application/json; charset=latin1', '{}'],
    ['application/json; charset=utf-16', '{}'],
  ])('answers 415 for %s', async (type, body) => {
    const { app } = await shared;
    const res = await request(app).post('/v1/providers/veritalk/declarations').set(adminAuth).set('content-type', type).send(body);
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    check('post', '/v1/providers/{providerId}/declarations', res);
  });

  it('accepts an explicit UTF-8 charset', async () => {
    const { app } = await testService();
    await request(app).post('/v1/providers/veritalk/declarations').set(adminAuth).set('content-type', 'application/json; charset=UTF-8').send(JSON.stringify(validDeclaration())).expect(201);
  });
});

describe('rate limiting', () => {
  it('answers 429 problem+json with Retry-After and RateLimit headers once a client exceeds its budget', async () => {
    const { app } = await testService(undefined, { rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) {
      const ok = await request(app).get('/v1/providers').expect(200);
      expect(ok.headers['ratelimit-limit']).toBe('3');
      expect(ok.headers['ratelimit-remaining']).toBe(String(2 - i));
    }
    const res = await request(app).get('/v1/providers');
    expect(res.status).toBe(429);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.headers['ratelimit-reset']).toEqual(expect.any(String));
    check('get', '/v1/providers', res);
  });

  it('counts each provider key on its own and exempts admin keys', async () => {
    const { app, keys } = await testService(undefined, { rateLimitPerMinute: 2 });
    const { keyId: _id, ...provider } = await providerAuth(keys, 'veritalk');
    for (let i = 0; i < 2; i++) await request(app).get('/v1/providers').expect(200);
    await request(app).get('/v1/providers').expect(429);
    await request(app).get('/v1/providers').set(provider).expect(200);
    for (let i = 0; i < 10; i++) {
      const res = await request(app).post('/v1/providers/veritalk/declarations').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify({ ...validDeclaration(), asOf: `2024-06-${10 + i}` }));
      expect(res.status).toBe(201);
    }
  });

  it('counts pages, badges and SVGs in the same budget as the API', async () => {
    const { app } = await testService(undefined, { rateLimitPerMinute: 4 });
    await request(app).get('/v1/providers').expect(200);
    await request(app).get('/').expect(200);
    expect((await request(app).get('/badges/veritalk.svg')).status).not.toBe(429);
    expect((await request(app).get('/providers/veritalk/heatmap.svg')).status).not.toBe(429);
    for (const path of ['/', '/badges/veritalk.svg', '/providers/veritalk/heatmap.svg', '/v1/providers']) {
      const res = await request(app).get(path);
      expect(res.status).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    await request(app).get('/assets/report.css').expect(200);
  });

  it('leaves /healthz and /docs alone', async () => {
    const { app } = await testService(undefined, { rateLimitPerMinute: 1 });
    for (let i = 0; i < 3; i++) await request(app).get('/healthz').expect(200);
  });
});

describe('browser-facing headers', () => {
  it('sends helmet security headers on API answers', async () => {
    const { app } = await testService();
    const res = await request(app).get('/v1/providers').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('keeps Swagger UI loadable under its CSP: every script and stylesheet it names is served from /docs', async () => {
    const { app } = await testService();
    const page = await request(app).get('/docs/').expect(200);
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(page.text).not.toMatch(/<script>(?!\s*<\/script>)/);
    const assets = [...page.text.matchAll(/(?:src|href)="(\.\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) await request(app).get(new URL(asset, 'http://x/docs/').pathname).expect(200);
  });

  it('sends no CORS headers unless origins are configured', async () => {
    const { app } = await testService();
    const res = await request(app).get('/v1/providers').set('Origin', 'https://ngo.example');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows the configured origins, with preflight for keyed writes', async () => {
    const { app } = await testService(undefined, { corsOrigins: ['https://ngo.example'] });
    const ok = await request(app).get('/v1/providers').set('Origin', 'https://ngo.example');
    expect(ok.headers['access-control-allow-origin']).toBe('https://ngo.example');
    const other = await request(app).get('/v1/providers').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(app)
      .options('/v1/providers/veritalk/declarations')
      .set('Origin', 'https://ngo.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/);
  });
});
