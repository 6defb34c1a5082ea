import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import request from 'supertest';
import { MemoryStore } from '../../src/store/memory-store.js';
import { adminAuth, testService, validDeclaration } from '../support/service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('gives every answer an X-Request-Id, and every problem the same id', async () => {
    const { app } = await testService();
    const ok = await request(app).get('/healthz').expect(200);
    expect(ok.headers['x-request-id']).toMatch(UUID);
    const problem = await request(app).get('/v1/providers/nobody').expect(404);
    expect(problem.headers['x-request-id']).toMatch(UUID);
    expect(problem.body.requestId).toBe(problem.headers['x-request-id']);
    const refused = await request(app).post('/v1/providers/veritalk/declarations').set('content-type', 'application/json').send('{}').expect(401);
    expect(refused.body.requestId).toBe(refused.headers['x-request-id']);
  });

  it("keeps a well-formed id from the caller or its proxy, and replaces one that is not", async () => {
    const { app } = await testService();
    expect((await request(app).get('/healthz').set('X-Request-Id', 'edge-7f3a.42')).headers['x-request-id']).toBe('edge-7f3a.42');
    for (const bad of ['x'.repeat(200), 'has space', '<script>']) {
      expect((await request(app).get('/healthz').set('X-Request-Id', bad)).headers['x-request-id']).toMatch(UUID);
    }
  });
});

describe('the request log', () => {
  it('writes one JSON line per request with its id, method, route and status, never the token', async () => {
    const lines: Record<string, any>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).trim().split('\n').map((l) => JSON.parse(l)));
        done();
      },
    });
    const { app } = await testService(new MemoryStore(), { logger: pino({ level: 'info' }, sink) });
    const res = await request(app).post('/v1/providers/veritalk/declarations').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(validDeclaration()));
    expect(res.status).toBe(201);
    const line = lines.find((l) => l.req?.id === res.headers['x-request-id'])!;
    expect(line).toMatchObject({ level: 30, req: { method: 'POST', url: '/v1/providers/veritalk/declarations' }, res: { statusCode: 201 } });
    expect(typeof line.responseTime).toBe('number');
    expect(JSON.stringify(lines)).not.toContain(adminAuth.Authorization.slice('Bearer '.length));
  });
});

describe('GET /readyz and GET /metrics', () => {
  it('is ready while the store answers, and says which check fails when it does not', async () => {
    const store = new MemoryStore();
    const logged: unknown[] = [];
    const { app } = await testService(store, { log: (_message, error) => void logged.push(error) });
    expect((await request(app).get('/readyz').expect(200)).body).toEqual({ status: 'ready', checks: { store: 'ok' } });
    store.providerIds = async () => {
      throw new Error('disk gone at 10.0.0.5:5432');
    };
    // The probe is public: the check is named with a reason of the service's own; the error's text goes to the log.
    const down = await request(app).get('/readyz').expect(503);
    expect(down.body).toEqual({ status: 'unavailable', checks: { store: 'unreachable' } });
    expect(down.text).not.toContain('10.0.0.5');
    expect(logged).toEqual([expect.objectContaining({ message: 'disk gone at 10.0.0.5:5432' })]);
  });

  it('counts requests by route template and status, times appends, and reports cache sizes', async () => {
    const { app } = await testService();
    await request(app).post('/v1/providers/veritalk/declarations').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(validDeclaration())).expect(201);
    await request(app).get('/v1/providers/veritalk').expect(200);
    await request(app).get('/v1/providers/nobody').expect(404);
    await request(app).get('/v1/providers/veritalk/declarations/1').expect(200);
    const res = await request(app).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain('http_requests_total{method="GET",route="/v1/providers/:providerId",status="200"} 1');
    expect(res.text).toContain('http_requests_total{method="GET",route="/v1/providers/:providerId",status="404"} 1');
    expect(res.text).toContain('http_requests_total{method="POST",route="/v1/providers/:providerId/declarations",status="201"} 1');
    expect(res.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/v1\/providers\/:providerId"\} 2/);
    expect(res.text).toContain('store_append_duration_seconds_count{outcome="stored"} 1');
    expect(res.text).toMatch(/cache_bytes\{cache="declarations"\} \d+/);
  });
});
