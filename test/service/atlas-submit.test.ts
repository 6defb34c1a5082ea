import { describe, expect, it } from '@jest/globals';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import { Atlas } from '../../src/service/atlas.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { validDeclaration } from '../support/service.js';

describe('Atlas.submit', () => {
  const registry = loadSchemaRegistry();

  it('stores nothing when the analysis of a valid declaration fails', async () => {
    const store = new MemoryStore();
    const atlas = await Atlas.open(store, registry, () => {
      throw new Error('model bug');
    });
    await expect(atlas.submit('veritalk', validDeclaration(), JSON.stringify(validDeclaration()))).rejects.toThrow('model bug');
    expect(await store.history('veritalk')).toEqual([]);
    expect(atlas.latestOf('veritalk')).toBeUndefined();
  });

  it('analyses each version against the version before it, also under concurrent submissions', async () => {
    const store = new MemoryStore();
    const seen: (string | undefined)[] = [];
    const atlas = await Atlas.open(store, registry, (decl, previous) => {
      seen.push(previous?.asOf);
      return { asOf: decl.asOf, previous: previous?.asOf };
    });
    const submit = (asOf: string) => {
      const doc = { ...validDeclaration(), asOf };
      return atlas.submit('veritalk', doc, JSON.stringify(doc));
    };
    await Promise.all(['2024-01-01', '2024-02-01', '2024-03-01'].map(submit));
    const latest = (await atlas.latest('veritalk'))!;
    expect(latest.meta.version).toBe(3);
    const second = await atlas.declarationAt('veritalk', 2);
    expect(latest.analysis.previous).toBe(second!.asOf);
  });

  it('keeps provider ids sorted as providers are added after they were listed, without changing a list already handed out', async () => {
    const store = new MemoryStore();
    const atlas = await Atlas.open(store, registry, (decl) => ({ asOf: decl.asOf }));
    const add = (id: string) => atlas.submit(id, validDeclaration(id), JSON.stringify(validDeclaration(id)));
    for (const id of ['mmm', 'ccc']) await add(id);
    const before = atlas.providerIds();
    expect(before).toEqual(['ccc', 'mmm']);
    for (const id of ['zzz', 'aaa', 'ddd', 'mma', 'ccc']) await add(id);
    expect(atlas.providerIds()).toEqual(['aaa', 'ccc', 'ddd', 'mma', 'mmm', 'zzz']);
    expect(atlas.providerIds()).toEqual([...atlas.providerIds()].sort());
    expect(before).toEqual(['ccc', 'mmm']);
    expect(atlas.allLatest().map((l) => l.meta.providerId)).toEqual(atlas.providerIds());
  });
});
