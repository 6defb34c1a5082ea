import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { projectRoot } from '../../src/paths.js';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { adminAuth, testService, validDeclaration, type TestService } from '../support/service.js';

/**
 * A corpus in the style of JSONTestSuite (test/fixtures/hostile/): every `n_` file must
 * be refused before any handler runs — 400, or 422 with a pointer for well-formed but
 * unsafe documents — and every `y_` file must get past the parser. Never a 5xx.
 */
const dir = path.join(projectRoot, 'test/fixtures/hostile');
const corpus = readdirSync(dir).filter((f) => /^[ny]_.*\.json$/.test(f)).sort();
const bytes = (name: string) => readFileSync(path.join(dir, name));
const hostileStrings = JSON.parse(readFileSync(path.join(dir, 'strings.json'), 'utf8')) as string[];

let check: Awaited<ReturnType<typeof openApiResponseValidator>>;
let service: TestService;
beforeAll(async () => {
  check = await openApiResponseValidator();
  service = await testService();
});

/** Sends the bytes as they are (superagent would JSON-encode a Buffer). */
const postRaw = (url: string, body: Buffer | string, headers: Record<string, string> = {}) =>
  request(service.app).post(url).set(headers).set('content-type', 'application/json').serialize((b: unknown) => b as string).send(body as unknown as string);
const submitRaw = (body: Buffer | string, id = 'veritalk') => postRaw(`/v1/providers/${id}/declarations`, body, adminAuth);

const rawText = (req: request.Test) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

describe('the hostile-input corpus', () => {
  it('has both kinds of file', () => {
    expect(corpus.filter((f) => f.startsWith('n_')).length).toBeGreaterThan(40);
    expect(corpus.filter((f) => f.startsWith('y_')).length).toBeGreaterThan(10);
  });

  it.each(corpus.filter((f) => f.startsWith('n_')))('refuses %s with a problem, storing nothing', async (name) => {
    const res = await submitRaw(bytes(name));
    const unsafe = /proto|constructor|duplicate/.test(name);
    expect(res.status).toBe(unsafe ? 422 : 400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (unsafe) expect(res.body.errors).toEqual([expect.objectContaining({ keyword: expect.stringMatching(/^(forbiddenKey|duplicateKey)$/), pointer: expect.any(String) })]);
    check('post', '/v1/providers/{providerId}/declarations', res);
    const validate = await postRaw('/v1/validate', bytes(name));
    expect(validate.status).toBe(res.status);
    expect(await service.store.providerIds()).toEqual([]);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('isAdmin');
  });

  it.each(corpus.filter((f) => f.startsWith('y_')))('parses %s and judges it as a document (200 or 422, never 400)', async (name) => {
    const res = await postRaw('/v1/validate', bytes(name));
    expect([200, 422]).toContain(res.status);
    check('post', '/v1/validate', res);
  });
});

describe('hostile strings in a declaration', () => {
  it.each(hostileStrings.map((s, i) => [i, JSON.stringify(s).slice(0, 40), s] as const))(
    '#%i %s is stored and returned byte for byte',
    async (i, _label, value) => {
      const id = `hostile-${i}`;
      const doc = validDeclaration(id);
      doc.provider.name = value;
      const text = Buffer.from(JSON.stringify(doc, null, 1), 'utf8');
      const res = await submitRaw(text, id);
      expect([res.status, res.body.errors]).toEqual([201, undefined]);
      const stored = await rawText(request(service.app).get(res.headers.location));
      expect(Buffer.compare(stored.body as Buffer, text)).toBe(0);
      const provider = await request(service.app).get(`/v1/providers/${id}`).expect(200);
      expect(provider.body.name).toBe(value);
    },
  );

  it('keeps \\u escapes as sent, not re-encoded', async () => {
    const doc = validDeclaration('escaped-names');
    doc.provider.name = 'e\u0301\u202e';
    const text = JSON.stringify(doc).replace('e\u0301\u202e', 'e\\u0301\\u202E');
    const res = await submitRaw(text, 'escaped-names');
    expect(res.status).toBe(201);
    const stored = await rawText(request(service.app).get(res.headers.location));
    expect((stored.body as Buffer).toString('utf8')).toBe(text);
  });

  it('answers a clear 422 with a pointer for a string over the schema limit', async () => {
    const doc = validDeclaration('too-long');
    doc.provider.name = '\u{1F600}'.repeat(201);
    const res = await submitRaw(JSON.stringify(doc), 'too-long');
    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ pointer: '/provider/name', keyword: 'maxLength' }));
  });
});

describe('hostile requests around the body', () => {
  it('answers 400, not 500, for broken percent-encoding in a path', async () => {
    for (const url of ['/v1/providers/%E0%A4%A', '/v1/providers/%/declarations/1']) {
      const res = await request(service.app).get(url);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('answers 400 for a gzip body that does not inflate, and 413 for one that inflates past the limit', async () => {
    const corrupt = await postRaw('/v1/validate', 'not gzip at all', { 'content-encoding': 'gzip' });
    expect(corrupt.status).toBe(400);
    check('post', '/v1/validate', corrupt);
    const bomb = gzipSync(Buffer.from(`{"pad":"${'0'.repeat(50 * 1024 * 1024)}"}`));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const res = await postRaw('/v1/validate', bomb, { 'content-encoding': 'gzip' });
    expect(res.status).toBe(413);
    check('post', '/v1/validate', res);
  });
});
