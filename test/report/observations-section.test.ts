import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { adminAuth, testService, validDeclaration, type TestService } from '../support/service.js';

const json = { 'content-type': 'application/json' };
let service: TestService;

beforeAll(async () => {
  service = await testService();
  await request(service.app).post('/v1/providers/veritalk/declarations').set(adminAuth).set(json).send(JSON.stringify(validDeclaration())).expect(201);
  const observe = (doc: object) => request(service.app).post('/v1/providers/veritalk/observations').set(adminAuth).set(json).send(JSON.stringify(doc)).expect(201);
  await observe({
    pointer: '/dataCategories/message-content/retention',
    value: { kind: 'indefinite' },
    statement: '<img src=x onerror=alert(1)> Logs found on an open server.',
    observedAt: '2024-05-01',
    sources: [{ url: 'https://example.org/leak', title: 'The <b>leak</b>', publisher: 'Example Times', kind: 'leaked-document' }],
  });
  await observe({ pointer: '/legalProcess/liveInterception', value: 'not-supported', statement: 'Confirmed in testing.', observedAt: '2024-05-02', sources: [{ url: 'https://example.org/test', title: 'Test' }] });
  const { keyId: _k, ...provider } = await import('../support/auth.js').then((m) => m.providerAuth(service.keys, 'veritalk'));
  await request(service.app).post('/v1/providers/veritalk/observations/1/responses').set(provider).set(json).send(JSON.stringify({ statement: 'We delete <i>everything</i>.', sources: [] })).expect(201);
});

describe('the provider page shows claims and evidence', () => {
  it('as declared and as observed where they differ, with the observations that drive it', async () => {
    const page = await request(service.app).get('/providers/veritalk').set('accept', 'text/html').expect(200);
    expect(page.text).toContain('id="observations"');
    expect(page.text).toMatch(/<table class="facts-table as-observed">/);
    expect(page.text).toContain('<a href="#observation-1">#1</a>');
    expect(page.text).toContain('contradicts the declaration');
    expect(page.text).toContain('confirms the declaration');
    expect(page.text).toContain('The provider answers');
  });

  it('escapes every text from reviewers and providers', async () => {
    const page = await request(service.app).get('/providers/veritalk').set('accept', 'text/html').expect(200);
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page.text).toContain('The &lt;b&gt;leak&lt;/b&gt;');
    expect(page.text).toContain('We delete &lt;i&gt;everything&lt;/i&gt;.');
  });

  it('shows nothing of the kind for a provider without observations', async () => {
    await request(service.app).post('/v1/providers/quiet-one/declarations').set(adminAuth).set(json).send(JSON.stringify(validDeclaration('quiet-one'))).expect(201);
    const page = await request(service.app).get('/providers/quiet-one').set('accept', 'text/html').expect(200);
    expect(page.text).not.toContain('id="observations"');
  });
});
