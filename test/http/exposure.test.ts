import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { adminAuth, testService, validDeclaration } from '../support/service.js';

const authorizedPost = (app: Parameters<typeof request>[0], url: string, body: unknown) =>
  request(app).post(url).set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(body));

let check: Awaited<ReturnType<typeof openApiResponseValidator>>;
beforeAll(async () => {
  check = await openApiResponseValidator();
});

/** A declaration whose message content a CN licensee with keyword filtering can read. */
function filteredInChina(id: string) {
  const doc = validDeclaration(id);
  doc.dataCategories[1] = {
    category: 'message-content',
    collected: 'yes',
    retention: { kind: 'indefinite' },
    protection: { inTransit: 'transport', atRest: 'provider-managed' },
  };
  doc.thirdParties = [
    { id: 'local-operator', name: 'Local Operator', relationship: 'licensee', jurisdiction: 'CN', categories: ['message-content'], capabilities: ['keyword-filtering', 'content-retention'] },
  ];
  return doc;
}

/** An end-to-end messenger that says it has no third parties (leaving the section out counts as the worst case). */
function endToEnd(id: string) {
  return { ...validDeclaration(id), thirdParties: [] };
}

describe('POST /v1/score', () => {
  it('answers one cell per taxonomy category (listed or not) and jurisdiction profile, without storing anything', async () => {
    const { app, store, policy } = await testService();
    const res = await request(app).post('/v1/score').set('content-type', 'application/json').send(JSON.stringify(validDeclaration()));
    expect(res.status).toBe(200);
    check('post', '/v1/score', res);
    expect(res.body.cells).toHaveLength(policy.params.categories.length * policy.jurisdictions.length);
    expect(res.body.lawDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(policy.jurisdictions.length).toBeGreaterThanOrEqual(20);
    expect(res.body.modelVersion).toBe(policy.params.modelVersion);
    expect(await store.providerIds()).toEqual([]);
  });

  it('gives byte-identical output for identical input', async () => {
    const { app } = await testService();
    const body = JSON.stringify(filteredInChina('tom-like'));
    const a = await request(app).post('/v1/score').set('content-type', 'application/json').send(body);
    const b = await request(app).post('/v1/score').set('content-type', 'application/json').send(body);
    expect(a.text).toBe(b.text);
  });

  it('scores the same draft again against a newly published version: its findings compare with the latest', async () => {
    const { app } = await testService();
    const draft = validDeclaration('lengthens');
    draft.dataCategories[1] = { ...draft.dataCategories[1], retention: { kind: 'fixed', duration: 'P1Y' } };
    const body = JSON.stringify(draft);
    const rules = async () => ((await request(app).post('/v1/score').set('content-type', 'application/json').send(body).expect(200)).body.findings as { rule: string }[]).map((f) => f.rule);
    expect(await rules()).not.toContain('retention-lengthened');
    await authorizedPost(app, '/v1/providers/lengthens/declarations', validDeclaration('lengthens')).expect(201);
    expect(await rules()).toContain('retention-lengthened');
  });

  it('filters cells by jurisdiction and category, repeatable or comma-separated', async () => {
    const { app } = await testService();
    const body = JSON.stringify(validDeclaration());
    const res = await request(app).post('/v1/score?jurisdiction=CN,us&category=message-content').set('content-type', 'application/json').send(body).expect(200);
    expect(res.body.cells.map((c: { jurisdiction: string }) => c.jurisdiction).sort()).toEqual(['CN', 'US']);
    const repeated = await request(app).post('/v1/score?jurisdiction=CN&jurisdiction=US').set('content-type', 'application/json').send(body).expect(200);
    expect(repeated.body.cells).toHaveLength(2 * 13);
  });

  it('answers 400 for an unknown jurisdiction or category, 422 for an invalid declaration', async () => {
    const { app } = await testService();
    const body = JSON.stringify(validDeclaration());
    const unknown = await request(app).post('/v1/score?jurisdiction=ZZ').set('content-type', 'application/json').send(body);
    expect(unknown.status).toBe(400);
    check('post', '/v1/score', unknown);
    expect((await request(app).post('/v1/score?category=dreams').set('content-type', 'application/json').send(body)).status).toBe(400);
    const invalid = await request(app).post('/v1/score').set('content-type', 'application/json').send(JSON.stringify({ format: 'nope' }));
    expect(invalid.status).toBe(422);
    check('post', '/v1/score', invalid);
  });

  it('explains every non-zero cell with pointers into the declaration and the profile', async () => {
    const { app } = await testService();
    const res = await request(app).post('/v1/score?explain=facts').set('content-type', 'application/json').send(JSON.stringify(filteredInChina('tom-like'))).expect(200);
    const nonZero = res.body.cells.filter((c: { score: number }) => c.score > 0);
    expect(nonZero.length).toBeGreaterThan(0);
    for (const cell of nonZero) {
      const pointers = cell.pathways.flatMap((p: { facts: { declaration: string[]; jurisdiction: string[] } }) => [...p.facts.declaration, ...p.facts.jurisdiction]);
      expect(pointers.length).toBeGreaterThan(0);
      for (const p of pointers) expect(p).toMatch(/^\//);
    }
  });
});

describe('stored exposure', () => {
  it('serves a provider matrix for the latest or a given version, and as CSV', async () => {
    const { app } = await testService();
    await authorizedPost(app, '/v1/providers/veritalk/declarations', endToEnd('veritalk')).expect(201);
    await authorizedPost(app, '/v1/providers/veritalk/declarations', filteredInChina('veritalk')).expect(201);
    const latest = await request(app).get('/v1/providers/veritalk/exposure?jurisdiction=CN&category=message-content').expect(200);
    check('get', '/v1/providers/{providerId}/exposure', latest);
    expect(latest.body.version).toBe(2);
    const first = await request(app).get('/v1/providers/veritalk/exposure?jurisdiction=CN&category=message-content&version=1').expect(200);
    expect(first.body.version).toBe(1);
    expect(latest.body.cells[0].score).toBeGreaterThan(first.body.cells[0].score);

    const csv = await request(app).get('/v1/providers/veritalk/exposure').set('accept', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBe((await request(app).get('/v1/providers/veritalk/exposure')).body.cells.length);
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(['category', 'jurisdiction', 'score', 'grade']));
    expect((await request(app).get('/v1/providers/veritalk/exposure?version=9')).status).toBe(404);
    expect((await request(app).get('/v1/providers/nobody/exposure')).status).toBe(404);
  });

  it('ranks providers worst-first by worstCase (silence never improves a rank), or by established; ties share a rank', async () => {
    const { app } = await testService();
    await authorizedPost(app, '/v1/providers/e2e-chat/declarations', endToEnd('e2e-chat')).expect(201);
    await authorizedPost(app, '/v1/providers/tom-like/declarations', filteredInChina('tom-like')).expect(201);
    // Lists only one category: message content is unanswered, not "not collected".
    const noContent = validDeclaration('profile-only');
    noContent.dataCategories = [noContent.dataCategories[0]];
    await authorizedPost(app, '/v1/providers/profile-only/declarations', noContent).expect(201);

    const res = await request(app).get('/v1/exposure?jurisdiction=CN&category=message-content').expect(200);
    check('get', '/v1/exposure', res);
    type Item = { providerId: string; rank: number; established: number; worstCase: number; score: number };
    const items = res.body.items as Item[];
    const ids = items.map((i) => i.providerId);
    expect(res.body.order).toBe('worst-case');
    expect(res.body.undeclared).toEqual([]);
    expect(ids.sort()).toEqual(['e2e-chat', 'profile-only', 'tom-like']);
    for (const i of items) {
      expect(i.established).toBeLessThanOrEqual(i.worstCase);
      expect(i.score).toBe(i.worstCase);
    }
    const byId = new Map(items.map((i) => [i.providerId, i]));
    // Silence never improves a rank: the provider that leaves message content unanswered ranks no better than the one that answers.
    expect(byId.get('profile-only')!.rank).toBeLessThanOrEqual(byId.get('e2e-chat')!.rank);
    for (const [a, b] of (res.body.items as Item[]).slice(1).map((b: Item, k: number) => [res.body.items[k], b] as [Item, Item])) {
      expect(a.worstCase).toBeGreaterThanOrEqual(b.worstCase);
      expect(b.rank).toBe(a.worstCase === b.worstCase ? a.rank : items.indexOf(b) + 1);
    }

    const established = await request(app).get('/v1/exposure?jurisdiction=CN&category=message-content&order=established').expect(200);
    check('get', '/v1/exposure', established);
    expect(established.body.order).toBe('established');
    // The licensee known to filter keywords is established worst; silence alone establishes nothing.
    expect(established.body.items[0].providerId).toBe('tom-like');
    expect(established.body.items[0].established).toBeGreaterThan(byId.get('profile-only')!.established);

    const page = await request(app).get('/v1/exposure?jurisdiction=CN&category=message-content&limit=1&offset=1').expect(200);
    expect(page.body.items).toEqual([expect.objectContaining({ providerId: (res.body.items as Item[])[1].providerId })]);
    const csv = await request(app).get('/v1/exposure?jurisdiction=CN&category=message-content').set('accept', 'text/csv').expect(200);
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.providerId)).toEqual((res.body.items as Item[]).map((i) => i.providerId));
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(['providerId', 'established', 'worstCase', 'score', 'grade']));
    expect((await request(app).get('/v1/exposure?order=best')).status).toBe(400);
  });

  it('answers a repeated ranking from memory until a new version changes it', async () => {
    const { app } = await testService();
    await authorizedPost(app, '/v1/providers/e2e-chat/declarations', endToEnd('e2e-chat')).expect(201);
    const url = '/v1/exposure?jurisdiction=CN&category=message-content';
    const before = await request(app).get(url).expect(200);
    expect((await request(app).get(url).expect(200)).body).toEqual(before.body);
    await authorizedPost(app, '/v1/providers/tom-like/declarations', filteredInChina('tom-like')).expect(201);
    const after = await request(app).get(url).expect(200);
    expect(after.body.items.map((i: { providerId: string }) => i.providerId)).toEqual(['tom-like', 'e2e-chat']);
    // A new version of an existing provider changes the ranking too.
    await authorizedPost(app, '/v1/providers/tom-like/declarations', endToEnd('tom-like')).expect(201);
    const again = await request(app).get(url).expect(200);
    expect(again.body.items.find((i: { providerId: string }) => i.providerId === 'tom-like').latestVersion).toBe(2);
    expect(again.body.items[0].score).toBeLessThan(after.body.items[0].score);
  });

  it('shows grade and disclosure score side by side in the provider list', async () => {
    const { app } = await testService();
    await authorizedPost(app, '/v1/providers/veritalk/declarations', validDeclaration()).expect(201);
    const res = await request(app).get('/v1/providers').expect(200);
    check('get', '/v1/providers', res);
    expect(res.body.items[0]).toEqual(expect.objectContaining({ grade: expect.stringMatching(/^[A-F]$/), disclosureScore: expect.any(Number), exposureScore: expect.any(Number) }));
    const detail = await request(app).get('/v1/providers/veritalk').expect(200);
    check('get', '/v1/providers/{providerId}', detail);
  });
});

describe('jurisdiction profiles', () => {
  it('lists at least 20 sourced profiles and serves each by code', async () => {
    const { app } = await testService();
    const list = await request(app).get('/v1/jurisdictions').expect(200);
    check('get', '/v1/jurisdictions', list);
    const codes = list.body.jurisdictions.map((j: { code: string }) => j.code);
    expect(codes).toEqual(expect.arrayContaining(['US', 'GB', 'EU', 'DE', 'FR', 'NL', 'LU', 'IE', 'SE', 'CH', 'CN', 'RU', 'IN', 'BR', 'AU', 'CA', 'JP', 'KR', 'TR', 'AE']));
    const cn = await request(app).get('/v1/jurisdictions/cn').expect(200);
    check('get', '/v1/jurisdictions/{code}', cn);
    expect(cn.body.code).toBe('CN');
    const missing = await request(app).get('/v1/jurisdictions/ZZ');
    expect(missing.status).toBe(404);
    check('get', '/v1/jurisdictions/{code}', missing);
  });
});
