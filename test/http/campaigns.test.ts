import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { adminAuth, testService, validDeclaration, type TestService } from '../support/service.js';

const json = { 'content-type': 'application/json' };
const ASKS = [
  { id: 'lawful-interception', title: 'Lawful interception', text: 'How do you answer wiretap orders?', pointers: ['/legalProcess/liveInterception', '/legalProcess/guidelinesUrl'] },
  { id: 'data-kept', title: 'Data kept', text: 'How long do you keep each category?', pointers: ['/dataCategories/*/retention'] },
];
const campaign = (extra: object = {}) => ({ id: 'letter-2013', title: 'Open letter', asks: ASKS, providers: ['veritalk'], sentOn: '2013-01-24', replyDueBy: '2013-03-24', sources: [], ...extra });

let check: Awaited<ReturnType<typeof openApiResponseValidator>>;
let service: TestService;
let reviewer: Record<string, string>;
let other: Record<string, string>;

async function mintReviewer(organisation: string) {
  const res = await request(service.app).post('/v1/keys').set(adminAuth).set(json).send(JSON.stringify({ role: 'reviewer', organisation }));
  return { Authorization: `Bearer ${res.body.token}` };
}
const create = (body: unknown, auth = reviewer) => request(service.app).post('/v1/campaigns').set(auth).set(json).send(JSON.stringify(body));

beforeAll(async () => {
  check = await openApiResponseValidator();
  service = await testService();
  const declaration = validDeclaration();
  delete declaration.legalProcess;
  await request(service.app).post('/v1/providers/veritalk/declarations').set(adminAuth).set(json).send(JSON.stringify(declaration)).expect(201);
  reviewer = await mintReviewer('Open Rights Lab');
  other = await mintReviewer('Another Group');
});

describe('campaigns', () => {
  it('a reviewer creates one (201, organisation from the key); the same id again is 409', async () => {
    const res = await create(campaign());
    expect(res.status).toBe(201);
    check('post', '/v1/campaigns', res);
    expect(res.headers.location).toBe('/v1/campaigns/letter-2013');
    expect(res.body).toEqual(expect.objectContaining({ id: 'letter-2013', organisation: 'Open Rights Lab', status: 'active', revisions: [] }));
    const again = await create(campaign({ title: 'Another' }), other);
    expect(again.status).toBe(409);
    check('post', '/v1/campaigns', again);
    const list = await request(service.app).get('/v1/campaigns').expect(200);
    check('get', '/v1/campaigns', list);
    expect(list.body.items).toEqual([expect.objectContaining({ id: 'letter-2013', title: 'Open letter', asks: 2, providers: 1 })]);
  });

  it('bad campaigns are 422 with pointers: an ask pointer outside the format, an unknown provider, replyDueBy before sentOn', async () => {
    const asks = [{ ...ASKS[0], pointers: ['/legalProcess/wiretaps', '/dataCategories/not-a-category/retention'] }];
    const res = await create(campaign({ id: 'bad-one', asks, providers: ['veritalk', 'nobody-here'], replyDueBy: '2013-01-01' }));
    expect(res.status).toBe(422);
    check('post', '/v1/campaigns', res);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/asks/0/pointers/0', '/asks/0/pointers/1', '/providers/1', '/replyDueBy']);
    expect((await request(service.app).get('/v1/campaigns/bad-one')).status).toBe(404);
    expect((await create(campaign({ id: 'nobody' }), { Authorization: 'Bearer nope' })).status).toBe(401);
  });

  it('the scorecard judges each ask on the latest declaration and on the one at sentOn, in JSON and CSV', async () => {
    const res = await request(service.app).get('/v1/campaigns/letter-2013').expect(200);
    check('get', '/v1/campaigns/{campaignId}', res);
    const rows = res.body.rows;
    // The declaration leaves legalProcess out: both places are unanswered. It was stored after sentOn: nothing was answered then.
    expect(rows).toEqual([
      expect.objectContaining({ providerId: 'veritalk', askId: 'lawful-interception', state: 'unanswered', stateAtSentOn: 'unanswered', overdue: true, unanswered: ['/legalProcess/liveInterception', '/legalProcess/guidelinesUrl'] }),
      expect.objectContaining({ providerId: 'veritalk', askId: 'data-kept', stateAtSentOn: 'unanswered', overdue: true }),
    ]);
    expect(['partly', 'unanswered']).toContain(rows[1].state);
    expect(rows[1].unanswered.length).toBeGreaterThan(0);
    expect(res.body.providers).toEqual([expect.objectContaining({ providerId: 'veritalk', declaredByProvider: true, versionAtSentOn: null, latestVersion: 1, narrowing: { widthAtSentOn: null, widthNow: expect.any(Number) } })]);
    const csv = await request(service.app).get('/v1/campaigns/letter-2013?format=csv').expect(200);
    expect(csv.text.split(/\r?\n/)[0]).toBe('campaignId,providerId,askId,state,stateAtSentOn,overdue');
    expect(csv.text).toContain('letter-2013,veritalk,lawful-interception,unanswered,unanswered,true');
  });

  it('the scorecard and the feed change when the provider publishes an answer', async () => {
    const declaration = validDeclaration();
    declaration.legalProcess = { ...(declaration.legalProcess ?? {}), liveInterception: 'not-supported', guidelinesUrl: 'https://veritalk.example/law-enforcement' };
    await request(service.app).post('/v1/providers/veritalk/declarations').set(adminAuth).set(json).send(JSON.stringify(declaration)).expect(201);
    const res = await request(service.app).get('/v1/campaigns/letter-2013').expect(200);
    expect(res.body.rows[0]).toEqual(expect.objectContaining({ askId: 'lawful-interception', state: 'answered', overdue: false, unanswered: [] }));
    const feed = await request(service.app).get('/v1/campaigns/letter-2013/feed.atom').expect(200);
    expect(feed.headers['content-type']).toMatch(/application\/atom\+xml/);
    expect(feed.text).toContain('veritalk answered &quot;Lawful interception&quot;');
    expect(feed.text).toContain('the reply deadline (2013-03-24) has passed');
  });

  it('revisions: only its organisation (or an admin) amends or withdraws; history is kept', async () => {
    const revise = (body: unknown, auth = reviewer) => request(service.app).post('/v1/campaigns/letter-2013/revisions').set(auth).set(json).send(JSON.stringify(body));
    expect((await revise({ action: 'amend', replyDueBy: '2013-06-01' }, other)).status).toBe(403);
    expect((await revise({ action: 'amend', replyDueBy: '2012-01-01' })).status).toBe(422);
    const amended = await revise({ action: 'amend', replyDueBy: '2013-06-01', note: 'Extended after requests.' });
    expect(amended.status).toBe(201);
    check('post', '/v1/campaigns/{campaignId}/revisions', amended);
    expect(amended.body.campaign).toEqual(expect.objectContaining({ replyDueBy: '2013-06-01', status: 'active', revisions: [expect.objectContaining({ n: 1, action: 'amend' })] }));
    const withdrawn = await revise({ action: 'withdraw', note: 'Superseded by a new letter.' }, adminAuth);
    expect(withdrawn.status).toBe(201);
    expect(withdrawn.body.campaign.status).toBe('withdrawn');
    expect((await revise({ action: 'amend', title: 'Too late' })).status).toBe(409);
    const card = await request(service.app).get('/v1/campaigns/letter-2013').expect(200);
    expect(card.body.campaign.revisions.map((r: { n: number }) => r.n)).toEqual([1, 2]);
  });

  it('has pages: the index and the scorecard, with links from each open ask to the warnings that name it', async () => {
    const index = await request(service.app).get('/campaigns').expect(200);
    expect(index.text).toContain('href="/campaigns/letter-2013"');
    const page = await request(service.app).get('/campaigns/letter-2013').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).not.toMatch(/<script/i);
    expect(page.text).toContain('href="/providers/veritalk#findings"');
    expect(page.text).toMatch(/unanswered \(2\. data collected and its retention\)/);
    expect(Buffer.byteLength(page.text)).toBeLessThan(250 * 1024);
    // The law-date control, as the API's lawDate.
    const dated = await request(service.app).get('/campaigns/letter-2013?lawDate=2013-01-31').expect(200);
    expect(dated.text).toContain('name="lawDate" value="2013-01-31"');
    expect(dated.text).toContain('<time datetime="2013-01-31">2013-01-31</time>');
  });
});
