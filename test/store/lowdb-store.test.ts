import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { StoreOpenError } from '../../src/store/store.js';
import { contentHash } from '../../src/store/version-record.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ra-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('LowdbStore', () => {
  it('numbers versions per provider and records time and hash', async () => {
    const store = await LowdbStore.open(dir, () => new Date('2026-01-02T03:04:05Z'));
    const a1 = await store.append('alpha', { body: '{"a":1}' });
    const a2 = await store.append('alpha', { body: '{"a":2}', submittedBy: 'key-1' });
    const b1 = await store.append('beta', { body: '{"b":1}' });
    expect([a1.version, a2.version, b1.version]).toEqual([1, 2, 1]);
    expect(a1.submittedAt).toBe('2026-01-02T03:04:05.000Z');
    expect(a1.hash).toBe(contentHash('{"a":1}'));
    expect(a2.submittedBy).toBe('key-1');
    expect(await store.providerIds()).toEqual(['alpha', 'beta']);
  });

  it('keeps every version byte for byte across a restart', async () => {
    const bodies = ['{"x": "ünïcödé ✓ \\u0000"}', '{\n  "y" : [1,2,3]\n}\n', '{"z":"\u202e rtl"}'];
    const first = await LowdbStore.open(dir);
    for (const body of bodies) await first.append('alpha', { body });
    await first.close();
    const second = await LowdbStore.open(dir);
    const history = await second.history('alpha');
    expect(history.map((v) => v.version)).toEqual([1, 2, 3]);
    for (const [i, body] of bodies.entries()) {
      const record = await second.version('alpha', i + 1);
      expect(record?.body).toBe(body);
      expect(record?.hash).toBe(contentHash(body));
    }
    await second.append('alpha', { body: '{}' });
    expect((await second.history('alpha')).length).toBe(4);
  });

  it('serializes concurrent appends: no version lost or duplicated', async () => {
    const store = await LowdbStore.open(dir);
    const records = await Promise.all(Array.from({ length: 100 }, (_, i) => store.append(i % 2 ? 'odd' : 'even', { body: `{"i":${i}}` })));
    for (const id of ['odd', 'even']) {
      const versions = records.filter((r) => r.providerId === id).map((r) => r.version).sort((a, b) => a - b);
      expect(versions).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    }
    const reopened = await LowdbStore.open(dir);
    expect((await reopened.history('odd')).length).toBe(50);
    const bodies = new Set<string>();
    for (let v = 1; v <= 50; v++) bodies.add((await reopened.version('even', v))!.body);
    expect(bodies.size).toBe(50);
  });

  it('writes one file per provider, so a write touches only that provider', async () => {
    const store = await LowdbStore.open(dir);
    await store.append('alpha', { body: '{}' });
    await store.append('beta', { body: '{}' });
    const before = await stat(path.join(dir, 'providers', 'alpha.json'));
    await store.append('beta', { body: '{"again":true}' });
    const after = await stat(path.join(dir, 'providers', 'alpha.json'));
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect((await readdir(path.join(dir, 'providers'))).sort()).toEqual(['alpha.json', 'beta.json']);
  });

  it.each([
    ['truncated JSON', (text: string) => text.slice(0, text.length - 5)],
    ['garbage', () => 'not json at all'],
    ['valid JSON of the wrong shape', () => JSON.stringify({ providerId: 'alpha', versions: [{ version: 7 }] })],
    ['an empty file', () => ''],
  ])('refuses to open a store file holding %s, naming it and leaving it untouched', async (_name, corrupt) => {
    const store = await LowdbStore.open(dir);
    await store.append('alpha', { body: '{}' });
    const file = path.join(dir, 'providers', 'alpha.json');
    const damaged = corrupt(await readFile(file, 'utf8'));
    await writeFile(file, damaged);
    const error = await LowdbStore.open(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as StoreOpenError).message).toContain(file);
    expect(await readFile(file, 'utf8')).toBe(damaged);
  });

  it('ignores temporary files left by an interrupted write', async () => {
    const store = await LowdbStore.open(dir);
    await store.append('alpha', { body: '{"ok":1}' });
    await writeFile(path.join(dir, 'providers', 'alpha.json.999.tmp'), '{"half');
    const reopened = await LowdbStore.open(dir);
    expect((await reopened.version('alpha', 1))?.body).toBe('{"ok":1}');
  });
});
