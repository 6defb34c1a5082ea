import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import { analysisKey, FileAnalysisCache } from '../../src/service/analysis-cache.js';
import { Atlas } from '../../src/service/atlas.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { validDeclaration } from '../support/service.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ra-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('analysis cache', () => {
  const registry = loadSchemaRegistry();

  it('reuses an analysis computed under the same key and recomputes under another', async () => {
    const store = new MemoryStore();
    let runs = 0;
    const analyze = () => ({ run: ++runs });
    const first = await Atlas.open(store, registry, analyze, new FileAnalysisCache(dir, 'key-1'));
    await first.submit('veritalk', validDeclaration(), JSON.stringify(validDeclaration()));
    expect(runs).toBe(1);

    const again = await Atlas.open(store, registry, analyze, new FileAnalysisCache(dir, 'key-1'));
    expect(runs).toBe(1);
    expect((await again.latest('veritalk'))?.analysis).toEqual({ run: 1 });

    const changedPolicy = await Atlas.open(store, registry, analyze, new FileAnalysisCache(dir, 'key-2'));
    expect(runs).toBe(2);
    expect((await changedPolicy.latest('veritalk'))?.analysis).toEqual({ run: 2 });
  });

  it('treats an unreadable cache entry as a miss', async () => {
    const store = new MemoryStore();
    let runs = 0;
    const analyze = () => ({ run: ++runs });
    const cache = new FileAnalysisCache<{ run: number }>(dir, 'k');
    await Atlas.open(store, registry, analyze, cache).then((a) => a.submit('veritalk', validDeclaration(), '{}'));
    await writeFile(path.join(dir, 'veritalk.json'), '{"broken');
    const reopened = await Atlas.open(store, registry, analyze, cache);
    expect((await reopened.latest('veritalk'))?.analysis).toEqual({ run: 2 });
    expect(JSON.parse(await readFile(path.join(dir, 'veritalk.json'), 'utf8')).version).toBe(1);
  });
});

describe('analysisKey', () => {
  const policy = { params: { modelVersion: '2.0.0' }, jurisdictions: [{ code: 'DE' }] };

  it('changes with the model version, the package version and the policy data, and only with them', () => {
    const key = analysisKey(policy, '0.1.0');
    expect(analysisKey(structuredClone(policy), '0.1.0')).toBe(key);
    expect(analysisKey({ ...policy, params: { modelVersion: '2.0.1' } }, '0.1.0')).not.toBe(key);
    expect(analysisKey(policy, '0.2.0')).not.toBe(key);
    const other = { ...policy, jurisdictions: [{ code: 'FR' }] };
    expect(analysisKey(other, '0.1.0')).not.toBe(key);
  });
});
