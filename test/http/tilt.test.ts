import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { projectRoot } from '../../src/paths.js';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { testService } from '../support/service.js';

let check: Awaited<ReturnType<typeof openApiResponseValidator>>;
beforeAll(async () => {
  check = await openApiResponseValidator();
});

const post = (app: Parameters<typeof request>[0], body: string, query = '') =>
  request(app).post(`/v1/import/tilt${query}`).set('content-type', 'application/json').send(body);

describe('POST /v1/import/tilt', () => {
  it.each(['tilt.json', 'signal.org.tilt.json', 'zoom.us.tilt.json', 'bvg.de.tilt.json'])('drafts a valid declaration from %s and stores nothing', async (name) => {
    const { app, store } = await testService();
    const res = await post(app, readFileSync(path.join(projectRoot, 'test/fixtures/tilt', name), 'utf8'));
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(true);
    check('post', '/v1/import/tilt', res);
    expect(await store.providerIds()).toEqual([]);
  });

  it('takes the provider id from the query', async () => {
    const { app } = await testService();
    const res = await post(app, readFileSync(path.join(projectRoot, 'test/fixtures/tilt', 'signal.org.tilt.json'), 'utf8'), '?providerId=signal-messenger');
    expect(res.body.declaration.provider.id).toBe('signal-messenger');
  });

  it('never crashes on malformed documents', async () => {
    const { app } = await testService();
    for (const body of ['{}', '{"dataDisclosed": 5, "controller": [], "meta": null}', '{"dataDisclosed": [null, {"category": {"x": 1}, "storage": "P1D"}]}']) {
      const res = await post(app, body);
      expect(res.status).toBe(200);
      expect(res.body.valid).toBe(false);
      check('post', '/v1/import/tilt', res);
    }
    const array = await post(app, '[1,2]');
    expect(array.status).toBe(422);
    check('post', '/v1/import/tilt', array);
    const broken = await post(app, '{"meta": ');
    expect(broken.status).toBe(400);
    check('post', '/v1/import/tilt', broken);
  });
});
