import { describe, expect, it } from '@jest/globals';
import { XMLParser } from 'fast-xml-parser';
import request from 'supertest';
import { adminAuth, testService, validDeclaration } from '../support/service.js';

const json = { 'content-type': 'application/json' };
const SOURCE = { url: 'https://example.org/report', title: 'Report', kind: 'investigative-report' };
const entryIds = (xml: string): string[] => {
  const entries = new XMLParser().parse(xml).feed.entry ?? [];
  return (Array.isArray(entries) ? entries : [entries]).map((e: { id: string }) => e.id);
};

describe('evidence keeps its own place in the feeds', () => {
  it('a burst of 60 versions after an observation leaves the observation in the provider feed and the global feed', async () => {
    const { app } = await testService();
    await request(app).post('/v1/providers/veritalk/declarations').set(adminAuth).set(json).send(JSON.stringify(validDeclaration())).expect(201);
    const key = await request(app).post('/v1/keys').set(adminAuth).set(json).send(JSON.stringify({ role: 'reviewer', organisation: 'Open Rights Lab' })).expect(201);
    const reviewer = { Authorization: `Bearer ${key.body.token}` };
    const evidence = { pointer: '/legalProcess/liveInterception', value: 'supported', statement: 'Seen.', observedAt: '2012-07-26', sources: [SOURCE] };
    await request(app).post('/v1/providers/veritalk/observations').set(reviewer).set(json).send(JSON.stringify(evidence)).expect(201);
    for (let i = 0; i < 60; i++) {
      const burst = { ...validDeclaration(), asOf: `2024-0${1 + (i % 9)}-${String(1 + Math.floor(i / 9)).padStart(2, '0')}` };
      await request(app).post('/v1/providers/veritalk/declarations').set(adminAuth).set(json).send(JSON.stringify(burst)).expect(201);
    }
    for (const path of ['/v1/providers/veritalk/feed.atom', '/v1/feed.atom']) {
      const ids = entryIds((await request(app).get(path).expect(200)).text);
      expect(ids.filter((id) => /observation/.test(id))).toHaveLength(1);
      // Versions still fill their own 50 places, newest first.
      expect(ids.filter((id) => !/observation/.test(id))).toHaveLength(50);
    }
  }, 60_000);
});
