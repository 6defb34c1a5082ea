import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { adminAuth, testService, validDeclaration, type TestService } from '../support/service.js';
import { listen, type Listening } from '../support/listen.js';
import { cli, tempFile } from './run-cli.js';

let service: TestService;
let server: Listening;
let reviewerToken: string;

const SOURCE = { url: 'https://example.org/report', title: 'Report', kind: 'technical-test' };

beforeAll(async () => {
  service = await testService();
  server = await listen(service.app);
  await request(service.app).post('/v1/providers/veritalk/declarations').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(validDeclaration())).expect(201);
  const key = await request(service.app).post('/v1/keys').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify({ role: 'reviewer', organisation: 'Open Rights Lab' }));
  reviewerToken = key.body.token;
});
afterAll(async () => {
  await server.close();
});

describe('retention-atlas assessments and campaigns (through a server)', () => {
  it('records an assessment with a reviewer key, reports a bad one with its pointer, and lists them', async () => {
    const good = tempFile('a.json', JSON.stringify({ document: { provider: { name: 'Silent Chat' }, legalProcess: { liveInterception: 'supported' } }, observedAt: '2024-05-01', statement: 'Tested.', sources: [SOURCE] }));
    const run = await cli('assessments', 'add', 'silent-chat', good, '--server', server.url, '--token', reviewerToken);
    expect(run.err).toBe('');
    expect(run.out).toContain('recorded assessment 1 of silent-chat');
    const bad = tempFile('b.json', JSON.stringify({ document: { legalProcess: { liveInterception: 'maybe' } }, observedAt: '2024-05-01', statement: 'x', sources: [SOURCE] }));
    const refused = await cli('assessments', 'add', 'silent-chat', bad, '--server', server.url, '--token', reviewerToken);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('/document/legalProcess/liveInterception');
    const noKey = await cli('assessments', 'add', 'silent-chat', good, '--server', server.url);
    expect(noKey.code).toBe(2);
    const list = await cli('assessments', 'list', 'silent-chat', '--server', server.url);
    expect(list.out).toMatch(/#1 active\s+2024-05-01 Open Rights Lab: provider, legalProcess/);
  });

  it('creates a campaign, lists it and shows its scorecard (text and CSV)', async () => {
    const campaign = { id: 'letter', title: 'Letter', asks: [{ id: 'li', title: 'Lawful interception', text: 'How?', pointers: ['/legalProcess/liveInterception'] }], providers: ['veritalk', 'silent-chat'], sentOn: '2024-01-01', replyDueBy: '2099-01-01', sources: [] };
    const created = await cli('campaigns', 'add', tempFile('c.json', JSON.stringify(campaign)), '--server', server.url, '--token', reviewerToken);
    expect(created.err).toBe('');
    expect(created.out).toContain('created campaign letter: 1 asks to 2 providers');
    const again = await cli('campaigns', 'add', tempFile('c.json', JSON.stringify(campaign)), '--server', server.url, '--token', reviewerToken);
    expect(again.code).toBe(1);
    expect((await cli('campaigns', 'list', '--server', server.url)).out).toMatch(/^letter\s+2024-01-01\s+active\s+Open Rights Lab: Letter/m);
    const shown = await cli('campaigns', 'show', 'letter', '--server', server.url);
    // Silent Chat never declared: its assessment answers nothing for it.
    expect(shown.out).toMatch(/silent-chat\s+li\s+unanswered/);
    const csv = await cli('campaigns', 'show', 'letter', '--server', server.url, '--csv');
    expect(csv.out.split(/\r?\n/)[0]).toBe('campaignId,providerId,askId,state,stateAtSentOn,overdue');
  });
});
