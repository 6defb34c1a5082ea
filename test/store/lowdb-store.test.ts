import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { StoreOpenError } from '../../src/store/store.js';
import { contentHash } from '../../src/store/version-record.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('LowdbStore', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ra-contract-'));
  return { open: (clock) => LowdbStore.open(dir, clock), persistent: true, dispose: () => rm(dir, { recursive: true, force: true }) };
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ra-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bodyFile = (body: string) => path.join(dir, 'bodies', `sha256-${contentHash(body).slice('sha256:'.length)}.json`);

/** A provider file exactly as the first release wrote it: every version with its body inline. */
async function writeLegacyFile(providerId: string, bodies: string[]): Promise<void> {
  await mkdir(path.join(dir, 'providers'), { recursive: true });
  const versions = bodies.map((body, i) => ({
    providerId,
    version: i + 1,
    submittedAt: `2025-0${i + 1}-01T00:00:00.000Z`,
    hash: contentHash(body),
    ...(i === 0 ? { submittedBy: 'key-old' } : {}),
    body,
  }));
  await writeFile(path.join(dir, 'providers', `${providerId}.json`), JSON.stringify({ providerId, versions }));
}

describe('LowdbStore on disk', () => {
  it('writes each body once under its hash and keeps only metadata in the provider index', async () => {
    const store = await LowdbStore.open(dir);
    await store.append('alpha', { body: '{"a":1}', expectedVersion: 0 });
    await store.append('alpha', { body: '{"a":2}', expectedVersion: 1 });
    await store.append('beta', { body: '{"a":1}', expectedVersion: 0 });
    expect(await readFile(bodyFile('{"a":1}'), 'utf8')).toBe('{"a":1}');
    expect((await readdir(path.join(dir, 'bodies'))).length).toBe(2); // the shared body is stored once
    const index = JSON.parse(await readFile(path.join(dir, 'providers', 'alpha.json'), 'utf8'));
    expect(index.format).toBe(2);
    expect(index.versions.map((v: Record<string, unknown>) => v.body)).toEqual([undefined, undefined]);
  });

  it('never rewrites earlier bodies or other providers on append', async () => {
    const store = await LowdbStore.open(dir);
    await store.append('alpha', { body: '{"first":1}', expectedVersion: 0 });
    await store.append('beta', { body: '{}', expectedVersion: 0 });
    const body = await stat(bodyFile('{"first":1}'));
    const beta = await stat(path.join(dir, 'providers', 'beta.json'));
    for (let v = 1; v <= 5; v++) await store.append('alpha', { body: `{"v":${v}}`, expectedVersion: v });
    expect((await stat(bodyFile('{"first":1}'))).mtimeMs).toBe(body.mtimeMs);
    expect((await stat(bodyFile('{"first":1}'))).ino).toBe(body.ino);
    expect((await stat(path.join(dir, 'providers', 'beta.json'))).mtimeMs).toBe(beta.mtimeMs);
  });

  it('migrates a data directory of the first release on start, keeping every version, hash and key id', async () => {
    const bodies = ['{"old":1}', '{\n  "old" : 2\n}\n', '{"old":"\u202e✓"}'];
    await writeLegacyFile('alpha', bodies);
    await writeLegacyFile('beta', ['{"b":1}']);
    const store = await LowdbStore.open(dir);
    expect(store.migrated).toEqual(['alpha', 'beta']);
    const history = await store.history('alpha');
    expect(history.map((v) => [v.version, v.submittedAt, v.hash])).toEqual(bodies.map((b, i) => [i + 1, `2025-0${i + 1}-01T00:00:00.000Z`, contentHash(b)]));
    expect(history[0].submittedBy).toBe('key-old');
    for (const [i, body] of bodies.entries()) expect((await store.version('alpha', i + 1))?.body).toBe(body);
    expect(JSON.parse(await readFile(path.join(dir, 'providers', 'alpha.json'), 'utf8')).format).toBe(2);
    expect((await store.append('alpha', { body: '{"new":4}', expectedVersion: 3 })).version).toBe(4);
    await store.close();
    const again = await LowdbStore.open(dir);
    expect(again.migrated).toEqual([]);
    expect((await again.version('alpha', 2))?.body).toBe(bodies[1]);
  });

  it('refuses to migrate a legacy file whose body does not match its hash, leaving it untouched', async () => {
    await writeLegacyFile('alpha', ['{"a":1}']);
    const file = path.join(dir, 'providers', 'alpha.json');
    const tampered = (await readFile(file, 'utf8')).replace('{\\"a\\":1}', '{\\"a\\":2}');
    await writeFile(file, tampered);
    const error = await LowdbStore.open(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect(await readFile(file, 'utf8')).toBe(tampered);
  });

  it.each([
    ['truncated JSON', (text: string) => text.slice(0, text.length - 5)],
    ['garbage', () => 'not json at all'],
    ['valid JSON of the wrong shape', () => JSON.stringify({ format: 2, providerId: 'alpha', versions: [{ version: 7 }] })],
    ['an empty file', () => ''],
  ])('refuses to open a store file holding %s, naming it and leaving it untouched', async (_name, corrupt) => {
    const store = await LowdbStore.open(dir);
    await store.append('alpha', { body: '{}', expectedVersion: 0 });
    const file = path.join(dir, 'providers', 'alpha.json');
    const damaged = corrupt(await readFile(file, 'utf8'));
    await writeFile(file, damaged);
    const error = await LowdbStore.open(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as StoreOpenError).message).toContain(file);
    expect(await readFile(file, 'utf8')).toBe(damaged);
  });

  it('removes temporary files left by an interrupted write', async () => {
    const store = await LowdbStore.open(dir);
    await store.append('alpha', { body: '{"ok":1}', expectedVersion: 0 });
    const leftovers = [path.join(dir, 'providers', 'alpha.json.999.tmp'), `${bodyFile('{"half')}.999.tmp`];
    for (const file of leftovers) await writeFile(file, '{"half');
    const reopened = await LowdbStore.open(dir);
    expect((await reopened.version('alpha', 1))?.body).toBe('{"ok":1}');
    for (const file of leftovers) await expect(stat(file)).rejects.toThrow();
  });
});
