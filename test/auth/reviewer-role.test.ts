import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { parseKeyRequest } from '../../src/auth/key-request.js';
import { InvalidDocumentError } from '../../src/formats/validation-error.js';
import { adminAuth, testService, validDeclaration, type TestService } from '../support/service.js';

const json = { 'content-type': 'application/json' };
const mint = (service: TestService, body: unknown, auth: Record<string, string> = adminAuth) =>
  request(service.app).post('/v1/keys').set(auth).set(json).send(JSON.stringify(body));

async function reviewerKey(service: TestService, organisation = 'Open Rights Lab') {
  const res = await mint(service, { role: 'reviewer', organisation });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, auth: { Authorization: `Bearer ${res.body.token}` } };
}

describe('reviewer key requests', () => {
  it('need an organisation and no provider', () => {
    expect(parseKeyRequest({ role: 'reviewer', organisation: ' Citizen Lab ' })).toEqual({ role: 'reviewer', providerId: null, organisation: 'Citizen Lab' });
    const errors = (body: unknown) => {
      try {
        parseKeyRequest(body);
        return [];
      } catch (error) {
        return (error as InvalidDocumentError).errors.map((e) => e.pointer);
      }
    };
    expect(errors({ role: 'reviewer' })).toEqual(['/organisation']);
    expect(errors({ role: 'reviewer', organisation: '  ' })).toEqual(['/organisation']);
    expect(errors({ role: 'reviewer', organisation: 'x', providerId: 'veritalk' })).toEqual(['/providerId']);
    expect(errors({ role: 'provider', providerId: 'veritalk', organisation: 'x' })).toEqual(['/organisation']);
  });
});

describe('reviewer keys over HTTP', () => {
  it('are minted by admins only, with their organisation', async () => {
    const service = await testService();
    const res = await mint(service, { role: 'reviewer', organisation: 'Open Rights Lab' });
    expect(res.body).toEqual(expect.objectContaining({ role: 'reviewer', providerId: null, organisation: 'Open Rights Lab' }));
    const reviewer = await reviewerKey(service);
    expect((await mint(service, { role: 'reviewer', organisation: 'Other' }, reviewer.auth)).status).toBe(403);
    const listed = await request(service.app).get('/v1/keys').set(adminAuth).expect(200);
    expect(listed.body.keys).toContainEqual(expect.objectContaining({ id: res.body.id, organisation: 'Open Rights Lab' }));
  });

  it('cannot write declarations or transparency figures, and the refusal is audited', async () => {
    const service = await testService();
    await request(service.app).post('/v1/providers/veritalk/declarations').set(adminAuth).set(json).send(JSON.stringify(validDeclaration())).expect(201);
    const reviewer = await reviewerKey(service);
    const declaration = await request(service.app).post('/v1/providers/veritalk/declarations').set(reviewer.auth).set(json).send(JSON.stringify(validDeclaration()));
    expect(declaration.status).toBe(403);
    expect(declaration.body.detail).toMatch(/reviewer key records observations/);
    const figures = await request(service.app).post('/v1/providers/veritalk/transparency').set(reviewer.auth).set(json).send('[]');
    expect(figures.status).toBe(403);
    expect(service.audit.entries.filter((e) => e.keyId === reviewer.id).map((e) => [e.role, e.status])).toEqual([
      ['reviewer', 403],
      ['reviewer', 403],
    ]);
    expect((await service.store.history('veritalk')).length).toBe(1);
  });
});
