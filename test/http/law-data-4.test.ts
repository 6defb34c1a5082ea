import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { adminAuth, testService, validDeclaration, type TestService } from '../support/service.js';

/**
 * Issue 21 (law data 4) as a user meets it: the 26 new profiles are served, and a cell in a
 * state that had no profile (Estonia, where Skype was engineered: a user tracing the 2013 letter
 * got a 400 for `/providers/skype-2013/cells/message-content/EE`) now answers with its bounds.
 */
const NEW = ['BD', 'DZ', 'IQ', 'UZ', 'VE', 'SD', 'KH', 'CM', 'UG', 'TZ', 'MA', 'MY', 'LK', 'NP', 'EC', 'CD', 'CI', 'GH', 'PE', 'AR', 'CL', 'UA', 'RO', 'TW', 'BE', 'EE'];

let service: TestService;
let check: Awaited<ReturnType<typeof openApiResponseValidator>>;

beforeAll(async () => {
  check = await openApiResponseValidator();
  service = await testService();
  const doc = validDeclaration('skype-2013');
  doc.provider.name = 'Skype (as of 2013)';
  doc.provider.headquarters = 'LU';
  doc.provider.establishments = ['LU', 'EE', 'US'];
  const res = await request(service.app).post('/v1/providers/skype-2013/declarations').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(doc));
  expect(res.status).toBe(201);
});

describe('law data 4 over HTTP', () => {
  it('GET /v1/jurisdictions serves the 71 profiles, the 26 new ones among them', async () => {
    const list = await request(service.app).get('/v1/jurisdictions').expect(200);
    check('get', '/v1/jurisdictions', list);
    const codes = list.body.jurisdictions.map((j: { code: string }) => j.code);
    expect(codes).toEqual(expect.arrayContaining(NEW));
    expect(codes.length).toBeGreaterThanOrEqual(71);
  });

  it.each(NEW)('GET /v1/jurisdictions/%s answers the profile', async (code) => {
    const res = await request(service.app).get(`/v1/jurisdictions/${code.toLowerCase()}`).expect(200);
    check('get', '/v1/jurisdictions/{code}', res);
    expect(res.body.code).toBe(code);
    expect(res.body.reviewed).toBe('2026-12-07');
  });

  it('a provider established in Estonia has a message-content cell there, in JSON and as a page', async () => {
    const res = await request(service.app).get('/v1/providers/skype-2013/cells/message-content/EE').expect(200);
    const cell = res.body.cell;
    expect(cell).toEqual(expect.objectContaining({ category: 'message-content', jurisdiction: 'EE', established: expect.any(Number), worstCase: expect.any(Number) }));
    expect(cell.worstCase).toBeGreaterThanOrEqual(cell.established);
    // The provider is established in EE: what EE's profile does not record widens the range, it never reads as safety.
    expect(cell.worstCase).toBeGreaterThan(0);
    expect(cell.pathways.length).toBeGreaterThan(0);
    const page = await request(service.app).get('/providers/skype-2013/cells/message-content/EE');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Estonia');
  });
});
