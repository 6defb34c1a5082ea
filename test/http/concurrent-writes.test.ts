import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MemoryAuditLog } from '../../src/audit/audit-log.js';
import { LowdbKeyStore } from '../../src/auth/lowdb-key-store.js';
import { buildService, type Service } from '../../src/bootstrap.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { ADMIN_TOKEN, validDeclaration } from '../support/service.js';
import { listen, type Listening } from '../support/listen.js';

/**
 * Every kind of write, sent as separate requests that are in flight together against a
 * listening server on a real data directory: none may be lost, and no read-merge-append
 * may be built on a version that was no longer the latest.
 */
let dir: string;
let service: Service;
let url: string;
let server: Listening;
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'atlas-concurrent-'));
  const keys = await LowdbKeyStore.open(dir);
  service = await buildService(await LowdbStore.open(dir), { log: () => undefined, auth: { keys, audit: new MemoryAuditLog(), adminToken: ADMIN_TOKEN } });
  server = await listen(service.app);
  url = server.url;
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

type Doc = ReturnType<typeof validDeclaration>;
const post = async (route: string, contentType: string, body: string) => {
  const res = await fetch(`${url}${route}`, { method: 'POST', headers: { ...auth, 'content-type': contentType }, body });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};
const declaration = (id: string, name: string) => {
  const doc = validDeclaration(id);
  doc.provider.name = name;
  return post(`/v1/providers/${id}/declarations`, 'application/json', JSON.stringify(doc));
};
const row = (year: number, country = 'DE') => ({ period: { start: `${year}-01-01`, end: `${year}-06-30` }, country, process: 'all', requests: year, accounts: 1 });
const importJson = (id: string, rows: object[]) => post(`/v1/providers/${id}/transparency`, 'application/json', JSON.stringify(rows));
const importCsv = (id: string, years: number[]) =>
  post(`/v1/providers/${id}/transparency`, 'text/csv', ['period.start,period.end,country,process,requests,accounts', ...years.map((y) => `${y}-01-01,${y}-06-30,FR,all,${y},1`)].join('\n'));
const createKey = (label: string) => post('/v1/keys', 'application/json', JSON.stringify({ role: 'admin', label }));
const versionOf = async (id: string, version: number) => (await (await fetch(`${url}/v1/providers/${id}/declarations/${version}`)).json()) as Doc;
const yearsIn = (doc: Doc, country: string) => new Set((doc.governmentRequests ?? []).filter((r: any) => r.country === country).map((r: any) => r.requests));

/** An import is built on the version just before it: same declaration, the rows before it all kept. */
async function expectBuiltOnPrevious(id: string, version: number, country: string, years: number[]) {
  const [before, after] = [await versionOf(id, version - 1), await versionOf(id, version)];
  expect(after.provider.name).toBe(before.provider.name);
  for (const year of yearsIn(before, country)) expect(yearsIn(after, country).has(year)).toBe(true);
  for (const year of years) expect(yearsIn(after, country).has(year)).toBe(true);
}

describe('concurrent writes against a running server', () => {
  it('never lets an import revert a declaration sent at the same moment, nor the declaration lose the import', async () => {
    const id = 'race-one';
    expect((await declaration(id, 'Round 0')).status).toBe(201);
    for (let round = 1; round <= 15; round++) {
      const [decl, imported] = await Promise.all([declaration(id, `Round ${round}`), importJson(id, [row(2000 + round)])]);
      expect(decl.status).toBe(201);
      expect(imported.status).toBe(201);
      await expectBuiltOnPrevious(id, imported.body.version, 'DE', [2000 + round]);
      expect((await versionOf(id, decl.body.version)).provider.name).toBe(`Round ${round}`);
      if (imported.body.version > decl.body.version) expect((await versionOf(id, imported.body.version)).provider.name).toBe(`Round ${round}`);
    }
    const history = (await (await fetch(`${url}/v1/providers/${id}/declarations`)).json()) as { versions: { version: number }[] };
    expect(history.versions.map((v) => v.version)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
  }, 30_000);

  it('keeps every one of 8 writers of every kind in flight together: declarations, JSON and CSV imports, keys', async () => {
    const id = 'race-all';
    expect((await declaration(id, 'Start')).status).toBe(201);
    const [d1, d2, j1, j2, c1, c2, k1, k2] = await Promise.all([
      declaration(id, 'Writer A'),
      declaration(id, 'Writer B'),
      importJson(id, [row(2001), row(2002)]),
      importJson(id, [row(2003)]),
      importCsv(id, [2011, 2012]),
      importCsv(id, [2013]),
      createKey('writer key 1'),
      createKey('writer key 2'),
    ]);
    for (const res of [d1, d2, j1, j2, c1, c2, k1, k2]) expect(res.status).toBe(201);
    const versions = [d1, d2, j1, j2, c1, c2].map((r) => r.body.version).sort((a, b) => a - b);
    expect(versions).toEqual([2, 3, 4, 5, 6, 7]);
    expect((await versionOf(id, d1.body.version)).provider.name).toBe('Writer A');
    expect((await versionOf(id, d2.body.version)).provider.name).toBe('Writer B');
    await expectBuiltOnPrevious(id, j1.body.version, 'DE', [2001, 2002]);
    await expectBuiltOnPrevious(id, j2.body.version, 'DE', [2003]);
    await expectBuiltOnPrevious(id, c1.body.version, 'FR', [2011, 2012]);
    await expectBuiltOnPrevious(id, c2.body.version, 'FR', [2013]);
    const keys = (await (await fetch(`${url}/v1/keys`, { headers: auth })).json()) as { keys: { id: string }[] };
    expect(keys.keys.map((k) => k.id)).toEqual(expect.arrayContaining([k1.body.id, k2.body.id]));
    // What the server answered is what is on disk.
    const onDisk = await LowdbKeyStore.open(dir);
    expect((await onDisk.list()).map((k) => k.id)).toEqual(expect.arrayContaining([k1.body.id, k2.body.id]));
  }, 30_000);

  it('answers 409 with a problem when another process keeps writing first', async () => {
    const id = 'race-409';
    expect((await declaration(id, 'Start')).status).toBe(201);
    // A writer outside this server (another process on a shared store) always lands first.
    const store = service.atlas.store;
    const append = store.append.bind(store);
    store.append = async (providerId, input) => {
      const latest = (await store.history(providerId)).length;
      await append(providerId, { body: JSON.stringify({ ...validDeclaration(id), asOf: `2024-01-${String((latest % 28) + 1).padStart(2, '0')}` }), expectedVersion: latest });
      return append(providerId, input);
    };
    try {
      const res = await importJson(id, [row(2020)]);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ title: 'Conflict', status: 409, providerId: id });
    } finally {
      store.append = append;
    }
  }, 30_000);
});
