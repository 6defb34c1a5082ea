import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { projectRoot } from '../../src/paths.js';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { adminAuth, testService, validDeclaration, type TestService } from '../support/service.js';

/** The frozen copies of the two largest samples (bench/fixtures/README.md). */
const FROZEN = ['tandem-voice.json', 'rheinfunk-telekom.json'].map((name) => readFileSync(path.join(projectRoot, 'bench/fixtures', name), 'utf8'));

let service: TestService;
let check: Awaited<ReturnType<typeof openApiResponseValidator>>;
beforeAll(async () => {
  service = await testService();
  check = await openApiResponseValidator();
});

const score = (body: string, query = '') => request(service.app).post(`/v1/score${query}`).set('content-type', 'application/json').send(body);

type SummaryAnswer = { explain: string; unknowns: { pointer: string; side: string; note?: string }[]; cells: { category: string; jurisdiction: string; unknownRefs: number[]; pathways?: unknown }[] };
type FactsAnswer = { explain: string; unknowns?: unknown; cells: { category: string; jurisdiction: string; established: number; worstCase: number; grade: string; unknowns: { pointer: string; side: string }[]; pathways: { facts: unknown }[] }[] };

describe('answers sized for use', () => {
  it('the default POST /v1/score answer of each frozen fixture stays within 250 bytes a cell plus 25 KB at the profile count of the day', async () => {
    const cellCount = service.policy.params.categories.length * service.policy.jurisdictions.length;
    for (const body of FROZEN) {
      const res = await score(body).expect(200);
      check('post', '/v1/score', res);
      expect(res.body.explain).toBe('summary');
      expect(res.body.cells).toHaveLength(cellCount);
      const bytes = Buffer.byteLength(res.text);
      expect(bytes).toBeLessThanOrEqual(250 * cellCount + 25 * 1024);
      // The same draft with its pathways and facts is several times larger: the bound is not met by accident.
      const facts = await score(body, '?explain=facts').expect(200);
      expect(Buffer.byteLength(facts.text)).toBeGreaterThan(2 * bytes);
    }
  });

  it('summary cells refer into one table of unknowns that gives back exactly the unknowns of explain=facts, bounds and grades unchanged', async () => {
    const body = FROZEN[0];
    const summary = (await score(body).expect(200)).body as SummaryAnswer;
    const facts = (await score(body, '?explain=facts').expect(200)).body as FactsAnswer;
    expect(facts.explain).toBe('facts');
    expect(facts.unknowns).toBeUndefined();
    expect(summary.cells).toHaveLength(facts.cells.length);
    const keys = new Set(summary.unknowns.map((u) => `${u.side} ${u.pointer}`));
    expect(keys.size).toBe(summary.unknowns.length); // each unknown listed once
    expect(summary.unknowns.some((u) => u.note !== undefined)).toBe(false);
    let referred = 0;
    summary.cells.forEach((cell, i) => {
      const full = facts.cells[i];
      expect(cell).toEqual({ category: full.category, jurisdiction: full.jurisdiction, established: full.established, worstCase: full.worstCase, score: full.worstCase, grade: full.grade, establishedGrade: expect.any(String), unknownRefs: expect.any(Array) });
      expect(cell.unknownRefs.map((r) => summary.unknowns[r])).toEqual(full.unknowns.map((u) => ({ pointer: u.pointer, side: u.side })));
      referred += cell.unknownRefs.length;
    });
    expect(referred).toBeGreaterThan(summary.unknowns.length); // the table is shared, not one copy per cell
  });

  it('explain=compact is answered as explain=facts, byte for byte; explain=full adds the texts; anything else is 400', async () => {
    const body = FROZEN[1];
    const compact = await score(body, '?explain=compact').expect(200);
    const facts = await score(body, '?explain=facts').expect(200);
    expect(compact.text).toBe(facts.text);
    const full = await score(body, '?explain=full').expect(200);
    check('post', '/v1/score', full);
    expect(full.body.explain).toBe('full');
    expect(full.text.length).toBeGreaterThan(facts.text.length);
    expect(JSON.stringify(full.body.cells)).toContain('"note"');
    const bad = await score(body, '?explain=everything').expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers stay byte-for-byte deterministic at every level', async () => {
    for (const level of ['', '?explain=facts', '?explain=full']) {
      const a = await score(FROZEN[0], level).expect(200);
      const b = await request((await testService()).app).post(`/v1/score${level}`).set('content-type', 'application/json').send(FROZEN[0]).expect(200);
      expect(b.text).toBe(a.text);
    }
  });

  it("a provider's stored matrix defaults to summary too (filtered cells carry only the unknowns they refer to), and one cell in full has its own URL", async () => {
    const doc = JSON.parse(FROZEN[0]);
    const id = doc.provider.id as string;
    await request(service.app).post(`/v1/providers/${id}/declarations`).set(adminAuth).set('content-type', 'application/json').send(FROZEN[0]).expect(201);
    const matrix = await request(service.app).get(`/v1/providers/${id}/exposure`).expect(200);
    check('get', '/v1/providers/{providerId}/exposure', matrix);
    expect(matrix.body.explain).toBe('summary');
    expect(matrix.body.cells[0].pathways).toBeUndefined();
    const one = await request(service.app).get(`/v1/providers/${id}/exposure?jurisdiction=CN&category=message-content`).expect(200);
    expect(one.body.cells).toHaveLength(1);
    expect(one.body.unknowns).toHaveLength(one.body.cells[0].unknownRefs.length);

    const cell = await request(service.app).get(`/v1/providers/${id}/cells/message-content/cn`).expect(200);
    check('get', '/v1/providers/{providerId}/cells/{category}/{jurisdiction}', cell);
    const full = await request(service.app).get(`/v1/providers/${id}/exposure?jurisdiction=CN&category=message-content&explain=full`).expect(200);
    expect(cell.body.cell).toEqual(full.body.cells[0]);
    expect(cell.body.version).toBe(1);
    expect((await request(service.app).get(`/v1/providers/${id}/cells/dreams/CN`)).status).toBe(400);
    expect((await request(service.app).get(`/v1/providers/${id}/cells/message-content/ZZ`)).status).toBe(400);
    expect((await request(service.app).get(`/v1/providers/nobody-here/cells/message-content/CN`)).status).toBe(404);
    expect((await request(service.app).get(`/v1/providers/${id}/cells/message-content/CN?version=7`)).status).toBe(404);
  });

  it('a small draft answers summary cells with no unknowns as empty references', async () => {
    const res = await score(JSON.stringify({ ...validDeclaration('tiny'), thirdParties: [] })).expect(200);
    expect(res.body.cells.every((c: { unknownRefs: number[] }) => Array.isArray(c.unknownRefs))).toBe(true);
  });
});
