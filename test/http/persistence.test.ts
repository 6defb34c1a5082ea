import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { loadSampleDeclarations } from '../../src/service/sample-data.js';
import { adminAuth, testService, validDeclaration } from '../support/service.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ra-persist-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const rawText = (res: request.Response) => res.text;

describe('persistence through the API', () => {
  it('serves every version byte for byte after a restart on the same data directory', async () => {
    const first = await testService(await LowdbStore.open(dir));
    const bodies = [JSON.stringify(validDeclaration()), JSON.stringify({ ...validDeclaration(), asOf: '2025-01-01' }, null, 2)];
    for (const body of bodies)
      await request(first.app).post('/v1/providers/veritalk/declarations').set(adminAuth).set('content-type', 'application/json').send(body).expect(201);
    await first.store.close();

    const second = await testService(await LowdbStore.open(dir));
    const provider = await request(second.app).get('/v1/providers/veritalk').expect(200);
    expect(provider.body.latestVersion).toBe(2);
    for (const [i, body] of bodies.entries()) {
      const res = await request(second.app).get(`/v1/providers/veritalk/declarations/${i + 1}`).expect(200);
      expect(rawText(res)).toBe(body);
    }
  });

  it('loads the sample declarations into an empty store only', async () => {
    const { atlas } = await testService(await LowdbStore.open(dir));
    const loaded = await loadSampleDeclarations(atlas);
    expect(loaded.length).toBeGreaterThanOrEqual(4);
    expect(await loadSampleDeclarations(atlas)).toEqual([]);
    for (const id of loaded) expect((await atlas.history(id)).length).toBe(1);
  });
});
