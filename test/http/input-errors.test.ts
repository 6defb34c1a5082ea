import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { checkDeclarationText } from '../../src/formats/check-declaration-text.js';
import { adminAuth, testService, validDeclaration, type TestService } from '../support/service.js';

let service: TestService;
beforeAll(async () => {
  service = await testService();
});

describe('bodies the API cannot read', () => {
  it('an empty body is a 400 "empty body", not a 415, whatever its declared type', async () => {
    for (const [path, auth] of [['/v1/validate', {}], ['/v1/providers/veritalk/declarations', adminAuth]] as const) {
      const bare = await request(service.app).post(path).set(auth);
      const typed = await request(service.app).post(path).set(auth).set('content-type', 'application/json').send('');
      for (const res of [bare, typed]) {
        expect(res.status).toBe(400);
        expect(res.type).toBe('application/problem+json');
        expect(res.body.detail).toMatch(/^empty body/);
      }
    }
  });

  it('malformed JSON is reported with its line and column, as the CLI does', async () => {
    const text = '{\n  "format": "retention-declaration/1",\n  "provider": }\n';
    const res = await request(service.app).post('/v1/validate').set('content-type', 'application/json').send(text);
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/\(line 3, column 15\)$/);
    expect(res.body.errors).toEqual([expect.objectContaining({ keyword: 'syntax', line: 3, column: 15 })]);
    const cli = checkDeclarationText(service.registry, text);
    expect(cli.errors[0]).toMatchObject({ keyword: 'parse', line: 3, column: 15 });
  });

  it('a duplicate key is refused by the CLI check exactly as by the API (one shared check)', async () => {
    const doc = JSON.stringify(validDeclaration('veritalk'), null, 2).replace('"asOf": "2024-06-30"', '"asOf": "2024-06-30",\n  "asOf": "2025-01-01"');
    const api = await request(service.app).post('/v1/validate').set('content-type', 'application/json').send(doc);
    expect(api.status).toBe(422);
    const cli = checkDeclarationText(service.registry, doc);
    expect(cli.valid).toBe(false);
    expect(cli.errors).toEqual([expect.objectContaining({ keyword: 'duplicateKey', pointer: '/asOf', line: expect.any(Number) })]);
    expect(api.body.errors).toEqual([expect.objectContaining({ keyword: cli.errors[0].keyword, pointer: cli.errors[0].pointer, message: cli.errors[0].message })]);
  });
});
