import { mkdtemp, readdir, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { contentHash } from '../../src/store/version-record.js';
import { cli, tempFile } from '../cli/run-cli.js';
import { adminAuth, testService, validDeclaration } from '../support/service.js';

const PROBLEM = 'https://retention-atlas.example/problems/damaged-version';
let dataDir: string;
const bodyFile = (body: string) => path.join(dataDir, 'bodies', `sha256-${contentHash(body).slice('sha256:'.length)}.json`);

const veritalk1 = JSON.stringify(validDeclaration('veritalk'));
const veritalk2 = JSON.stringify({ ...validDeclaration('veritalk'), asOf: '2024-09-30' });
const quietline1 = JSON.stringify(validDeclaration('quietline'));

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'atlas-damaged-'));
  const store = await LowdbStore.open(dataDir);
  const { app } = await testService(store);
  for (const [id, body] of [['veritalk', veritalk1], ['veritalk', veritalk2], ['quietline', quietline1]]) {
    const res = await request(app).post(`/v1/providers/${id}/declarations`).set(adminAuth).set('content-type', 'application/json').send(body);
    expect(res.status).toBeLessThan(300);
  }
  await store.close();
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('integrity on read (file store)', () => {
  it('verify finds nothing wrong in an intact store and exits 0', async () => {
    const run = await cli('verify', '--data-dir', dataDir);
    expect(run).toMatchObject({ code: 0, out: '' });
    expect(run.err).toContain('checked 3 versions of 2 providers');
  });

  describe('after a body is truncated and another deleted', () => {
    beforeAll(async () => {
      await truncate(bodyFile(veritalk1), 40);
      await unlink(bodyFile(quietline1));
    });

    it('verify prints one line per damaged version and exits 1', async () => {
      const run = await cli('verify', '--data-dir', dataDir);
      expect(run.code).toBe(1);
      expect(run.out.trim().split('\n').sort()).toEqual(['quietline 1 body-missing', 'veritalk 1 hash-mismatch']);
    });

    it('serves neither: raw versions answer 500 damaged-version, logged and counted; a provider whose pages would need them is left out', async () => {
      const errors: unknown[] = [];
      const { app } = await testService(await LowdbStore.open(dataDir), { log: (_m, e) => void errors.push(e) });
      const raw = await request(app).get('/v1/providers/veritalk/declarations/1');
      expect(raw.status).toBe(500);
      expect(raw.type).toBe('application/problem+json');
      expect(raw.body).toMatchObject({ type: PROBLEM, status: 500, providerId: 'veritalk', version: 1 });
      expect(raw.text).not.toContain('"format"');
      expect((await request(app).get('/v1/providers/quietline/declarations/1')).body).toMatchObject({ type: PROBLEM, providerId: 'quietline' });

      const intact = await request(app).get('/v1/providers/veritalk/declarations/2');
      expect(intact.status).toBe(200);
      expect(intact.text).toBe(veritalk2);
      // quietline's only version is gone, and veritalk's findings compare version 2 with the damaged 1:
      // neither is built from bytes that are not the ones recorded.
      expect((await request(app).get('/v1/providers')).body.providers ?? []).toEqual([]);
      expect((await request(app).get('/v1/providers/veritalk')).status).toBe(404);

      const metrics = (await request(app).get('/metrics')).text;
      // At start: quietline 1 and veritalk 1; then each once more on the raw reads above.
      expect(metrics).toMatch(/^damaged_versions_total 4$/m);
      expect(errors).toEqual([]); // reported where found, never as an unhandled error
    });

    it('a tampered body of the same length is refused too', async () => {
      const tampered = veritalk2.replace('2024-09-30', '2099-09-30');
      await writeFile(bodyFile(veritalk2), tampered);
      const { app } = await testService(await LowdbStore.open(dataDir));
      const res = await request(app).get('/v1/providers/veritalk/declarations/2');
      expect(res.status).toBe(500);
      expect(res.text).not.toContain('2099');
      expect((await cli('verify', '--data-dir', dataDir)).out).toContain('veritalk 2 hash-mismatch\n');
      expect((await readdir(path.join(dataDir, 'bodies'))).length).toBe(2);
      // The CLI checks too: an observation is never judged against a damaged declaration.
      const evidence = tempFile('evidence.json', JSON.stringify({ pointer: '/legalProcess/liveInterception', value: 'supported', statement: 'Seen.', observedAt: '2012-07-26', sources: [{ url: 'https://example.org/r', title: 'R', kind: 'academic-study' }] }));
      const add = await cli('observations', 'add', 'veritalk', evidence, '--data-dir', dataDir, '--organisation', 'Open Rights Lab');
      expect(add.code).toBe(1);
      expect(add.err).toContain('version 2 of "veritalk" is damaged (hash-mismatch)');
    });
  });
});
