import { describe, expect, it } from '@jest/globals';
import { XMLValidator } from 'fast-xml-parser';
import request from 'supertest';
import { badgeSvg } from '../../src/report/badge-svg.js';
import { adminAuth, testService, validDeclaration } from '../support/service.js';

describe('Content-Security-Policy', () => {
  it('forbids every script on report pages, and leaves /docs the policy Swagger UI needs', async () => {
    const { app } = await testService();
    const doc = validDeclaration('veritalk');
    await request(app).post('/v1/providers/veritalk/declarations').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(doc)).expect(201);
    for (const page of ['/', '/providers/veritalk', '/providers/nobody']) {
      const res = await request(app).get(page).set('Accept', 'text/html');
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("script-src 'none'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
    }
    const docs = await request(app).get('/docs/').expect(200);
    expect(docs.headers['content-security-policy']).toContain("script-src 'self'");
  });
});

describe('the badge', () => {
  it('stays well-formed XML whatever characters the name holds', () => {
    const name = 'Bad\u0000\u0001\u0008\u000b\u000c\u001f\ufffe\uffff\ud800 name <&> \u{1F4E8}';
    const svg = badgeSvg({ name, grade: 'C', exposureScore: 40, disclosureScore: 50 }).text;
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('Bad name &lt;&amp;&gt; \u{1F4E8}');
  });
});
