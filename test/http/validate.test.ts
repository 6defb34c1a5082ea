import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { testService, validDeclaration } from '../support/service.js';

let check: Awaited<ReturnType<typeof openApiResponseValidator>>;
beforeAll(async () => {
  check = await openApiResponseValidator();
});

const post = (app: Parameters<typeof request>[0], body: string, type = 'application/json') =>
  request(app).post('/v1/validate').set('content-type', type).send(body);

describe('POST /v1/validate', () => {
  it('answers 200 {valid: true, warnings} for a valid declaration and stores nothing', async () => {
    const { app, store } = await testService();
    const res = await post(app, JSON.stringify(validDeclaration()));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ valid: true, warnings: expect.any(Array), findings: expect.any(Array) });
    // The only warnings of this draft are the questions it leaves open, each naming its place.
    for (const w of res.body.warnings) expect(w).toEqual({ pointer: expect.stringMatching(/^\//), keyword: 'unanswered', message: expect.stringContaining('unanswered') });
    // What publishing would show: the same findings the stored version gets.
    expect(res.body.findings.map((f: { rule: string }) => f.rule)).toContain('unanswered-question');
    check('post', '/v1/validate', res);
    expect(await store.providerIds()).toEqual([]);
  });

  it('returns every error in one 422 answer, each with a pointer, message and keyword', async () => {
    const { app } = await testService();
    const doc = validDeclaration();
    delete doc.asOf;
    doc.provider.headquarters = 'XX';
    doc.unexpected = true;
    doc.dataCategories[0].retention = { kind: 'fixed', duration: 'P72H' };
    doc.dataCategories[1].protection.inTransit = 'quantum';
    const res = await post(app, JSON.stringify(doc));
    expect(res.status).toBe(422);
    check('post', '/v1/validate', res);
    const pointers = res.body.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining(['/asOf', '/provider/headquarters', '/unexpected', '/dataCategories/0/retention/duration', '/dataCategories/1/protection/inTransit']),
    );
    for (const e of res.body.errors) expect(Object.keys(e).sort()).toEqual(['keyword', 'message', 'pointer']);
  });

  it('returns warnings for things that are allowed but probably not meant', async () => {
    const { app } = await testService();
    const doc = validDeclaration();
    doc.dataCategories.push({ category: 'location', collected: 'no', retention: { kind: 'indefinite' } });
    const res = await post(app, JSON.stringify(doc)).expect(200);
    expect(res.body.warnings.filter((w: { keyword: string }) => w.keyword !== 'unanswered')).toEqual([expect.objectContaining({ pointer: '/dataCategories/2/retention', keyword: 'notCollectedButRetained' })]);
  });

  it.each([
    ['truncated', '{"format": "retention-declaration/1"'],
    ['trailing garbage', '{"a":1} x'],
    ['a bare string', '"just a string"'],
    ['single quotes', "{'a': 1}"],
    ['an empty body', ''],
  ])('answers 400 problem+json for %s', async (_name, body) => {
    const { app } = await testService();
    const res = await post(app, body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers 415 for a body that is not JSON', async () => {
    const { app } = await testService();
    const res = await post(app, 'format=x', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(415);
    check('post', '/v1/validate', res);
  });
});
