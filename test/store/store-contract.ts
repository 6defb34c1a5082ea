import { describe, expect, it } from '@jest/globals';
import { VersionConflictError, type Store } from '../../src/store/store.js';
import { contentHash } from '../../src/store/version-record.js';

/** A fresh, empty backing for one test (a directory, a database schema…). */
export interface StoreBacking {
  /** Opens the store on this backing; a second call after `close()` must see the same data when `persistent`. */
  open(clock?: () => Date): Promise<Store>;
  persistent: boolean;
  dispose(): Promise<void>;
}

/** Appends `body` on whatever the latest version is, retrying on conflicts as the service does. */
export async function appendLatest(store: Store, providerId: string, body: string): Promise<number> {
  for (;;) {
    const expectedVersion = (await store.history(providerId)).length;
    try {
      return (await store.append(providerId, { body, expectedVersion })).version;
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
    }
  }
}

/**
 * The adapter-independent contract of the Store port (src/store/store.ts). Every adapter
 * runs it: `describeStoreContract('LowdbStore', async () => backing)`.
 */
export function describeStoreContract(name: string, fresh: () => Promise<StoreBacking>): void {
  const withStore = (test: (store: Store, backing: StoreBacking) => Promise<void>) => async () => {
    const backing = await fresh();
    const store = await backing.open(() => new Date('2026-01-02T03:04:05Z'));
    try {
      await test(store, backing);
    } finally {
      await store.close();
      await backing.dispose();
    }
  };

  describe(`${name}: the Store contract`, () => {
    it(
      'numbers versions 1, 2, 3… per provider and records time, hash and key id',
      withStore(async (store) => {
        const a1 = await store.append('alpha', { body: '{"a":1}', expectedVersion: 0 });
        const a2 = await store.append('alpha', { body: '{"a":2}', submittedBy: 'key-1', expectedVersion: 1 });
        const b1 = await store.append('beta', { body: '{"b":1}', expectedVersion: 0 });
        expect([a1.version, a2.version, b1.version]).toEqual([1, 2, 1]);
        expect(a1.submittedAt).toBe('2026-01-02T03:04:05.000Z');
        expect(a1.hash).toBe(contentHash('{"a":1}'));
        expect(a2.submittedBy).toBe('key-1');
        expect(a1.submittedBy).toBeUndefined();
        expect(await store.providerIds()).toEqual(['alpha', 'beta']);
        expect(await store.history('alpha')).toEqual([
          { providerId: 'alpha', version: 1, submittedAt: '2026-01-02T03:04:05.000Z', hash: contentHash('{"a":1}') },
          { providerId: 'alpha', version: 2, submittedAt: '2026-01-02T03:04:05.000Z', hash: contentHash('{"a":2}'), submittedBy: 'key-1' },
        ]);
      }),
    );

    it(
      'answers nothing for unknown providers and versions',
      withStore(async (store) => {
        await store.append('alpha', { body: '{}', expectedVersion: 0 });
        expect(await store.history('nobody')).toEqual([]);
        expect(await store.version('nobody', 1)).toBeUndefined();
        expect(await store.version('alpha', 2)).toBeUndefined();
        expect(await store.version('alpha', 0)).toBeUndefined();
      }),
    );

    it(
      'returns every body byte for byte, identical bodies included',
      withStore(async (store) => {
        const bodies = ['{"x": "ünïcödé ✓ \\u0000"}', '{\n  "y" : [1,2,3]\n}\n', '{"z":"\u202e rtl \u{1F4E8}"}', '{"x": "ünïcödé ✓ \\u0000"}'];
        for (const [i, body] of bodies.entries()) await store.append('alpha', { body, expectedVersion: i });
        for (const [i, body] of bodies.entries()) {
          const record = await store.version('alpha', i + 1);
          expect(record?.body).toBe(body);
          expect(record?.hash).toBe(contentHash(body));
        }
      }),
    );

    it.each([
      ['0 for a provider that has versions', 0, 2],
      ['an older version', 1, 2],
      ['a version from the future', 3, 2],
    ])(
      'refuses an append expecting %s, storing nothing',
      (_name, expected, actual) =>
        withStore(async (store) => {
          await store.append('alpha', { body: '{"v":1}', expectedVersion: 0 });
          await store.append('alpha', { body: '{"v":2}', expectedVersion: 1 });
          const error = await store.append('alpha', { body: '{"v":"late"}', expectedVersion: expected }).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(VersionConflictError);
          expect(error).toMatchObject({ providerId: 'alpha', expected, actual });
          expect((await store.history('alpha')).length).toBe(2);
          expect(await store.version('alpha', 3)).toBeUndefined();
        })(),
    );

    it(
      'refuses an append to a new provider that expects a version',
      withStore(async (store) => {
        await expect(store.append('fresh', { body: '{}', expectedVersion: 1 })).rejects.toMatchObject({ expected: 1, actual: 0 });
        expect(await store.providerIds()).toEqual([]);
      }),
    );

    it(
      'lets exactly one of many concurrent appends on the same version win',
      withStore(async (store) => {
        await store.append('alpha', { body: '{"v":1}', expectedVersion: 0 });
        const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => store.append('alpha', { body: `{"writer":${i}}`, expectedVersion: 1 })));
        const won = results.filter((r) => r.status === 'fulfilled');
        expect(won.length).toBe(1);
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(VersionConflictError);
        expect((await store.history('alpha')).map((v) => v.version)).toEqual([1, 2]);
      }),
    );

    it(
      'loses no write of concurrent writers that retry on conflicts, and numbers them without gaps',
      withStore(async (store) => {
        const versions = await Promise.all(Array.from({ length: 40 }, (_, i) => appendLatest(store, i % 2 ? 'odd' : 'even', `{"i":${i}}`)));
        for (const id of ['odd', 'even']) {
          const history = await store.history(id);
          expect(history.map((v) => v.version)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
          const bodies = await Promise.all(history.map(async (v) => (await store.version(id, v.version))!.body));
          expect(new Set(bodies).size).toBe(20);
        }
        expect(new Set(versions).size).toBe(20);
      }),
    );

    it('keeps every version across close and reopen (persistent adapters)', async () => {
      const backing = await fresh();
      try {
        if (!backing.persistent) return;
        const first = await backing.open();
        await first.append('alpha', { body: '{"a":1}', expectedVersion: 0 });
        await first.append('alpha', { body: '{"a":2}', submittedBy: 'k', expectedVersion: 1 });
        await first.close();
        const second = await backing.open();
        expect(await second.providerIds()).toEqual(['alpha']);
        expect((await second.version('alpha', 2))?.body).toBe('{"a":2}');
        expect((await second.history('alpha'))[1].submittedBy).toBe('k');
        await expect(second.append('alpha', { body: '{}', expectedVersion: 1 })).rejects.toBeInstanceOf(VersionConflictError);
        expect((await second.append('alpha', { body: '{}', expectedVersion: 2 })).version).toBe(3);
        await second.close();
      } finally {
        await backing.dispose();
      }
    });
  });
}
