import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { testService, validDeclaration } from '../support/service.js';

let check: Awaited<ReturnType<typeof openApiResponseValidator>>;
beforeAll(async () => {
  check = await openApiResponseValidator();
});

/** A provider established in the UK, reading its users' data, so UK law reaches it. */
function ukProvider() {
  const d = validDeclaration('uk-chat');
  d.provider.headquarters = 'GB';
  d.provider.establishments = ['GB'];
  return d;
}

describe('law as of a date', () => {
  it('applies the law in force on lawDate, echoes it, and refuses a date that is not one', async () => {
    const { app } = await testService();
    const body = JSON.stringify(ukProvider());
    const score = (q: string) => request(app).post(`/v1/score?jurisdiction=GB${q}`).set('content-type', 'application/json').send(body);
    const today = await score('').expect(200);
    check('post', '/v1/score', today);
    expect(today.body.lawDate).toBe(new Date().toISOString().slice(0, 10));
    // 2010: the Investigatory Powers Act 2016 was not law yet; its instruments drive no pathway then (P12).
    const before = await score('&lawDate=2010-06-01&explain=full').expect(200);
    check('post', '/v1/score', before);
    expect(before.body.lawDate).toBe('2010-06-01');
    const cited = (cells: { pathways: { facts: { jurisdiction: string[] } }[] }[]) => new Set(cells.flatMap((c) => c.pathways.flatMap((p) => p.facts.jurisdiction)));
    const gbRes = await request(app).get('/v1/jurisdictions/GB?lawDate=2010-06-01').expect(200);
    check('get', '/v1/jurisdictions/{code}', gbRes);
    const gb = gbRes.body;
    expect(gb.lawDate).toBe('2010-06-01');
    const notYet = gb.instruments.flatMap((inst: { id: string }, i: number) => (gb.inForceOnLawDate.instruments[i] === 'no' && inst.id.startsWith('ipa') ? [`/instruments/${i}`] : []));
    expect(notYet.length).toBeGreaterThan(0);
    for (const at of notYet) expect(cited(before.body.cells).has(at)).toBe(false);
    for (const bad of ['2010-02-30', 'yesterday', '2010-6-1']) {
      const res = await score(`&lawDate=${bad}`);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ parameter: 'lawDate' })]);
    }
  });

  it('ranks every provider under one law date, echoed with the order', async () => {
    const { app } = await testService();
    const res = await request(app).get('/v1/exposure?lawDate=2015-01-01&order=established').expect(200);
    check('get', '/v1/exposure', res);
    expect(res.body).toMatchObject({ lawDate: '2015-01-01', order: 'established' });
  });
});
