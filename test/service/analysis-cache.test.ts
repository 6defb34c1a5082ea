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
    await writeFile(cache.analysisPath('veritalk'), '{"broken');
    const reopened = await Atlas.open(store, registry, analyze, cache);
    expect((await reopened.latest('veritalk'))?.analysis).toEqual({ run: 2 });
    // A file is its header line (what it was made under), then the analysis.
    const [header] = (await readFile(cache.analysisPath('veritalk'), 'utf8')).split('\n');
    expect(JSON.parse(header).version).toBe(1);
  });
});

describe('summaries remembered beside the analyses', () => {
  const registry = loadSchemaRegistry();
  interface Summary {
    asOf: string;
  }
  const codec = { encode: (s: Summary) => s, decode: (v: unknown) => (typeof (v as Summary)?.asOf === 'string' ? (v as Summary) : undefined) };

  /** Opens a read model over `store`, counting analyses, summaries made and analyses read from the cache. */
  async function open(store: MemoryStore, key = 'k') {
    const counts = { analysed: 0, summarized: 0, analysesRead: 0 };
    const cache = new FileAnalysisCache<{ asOf: string }>(dir, key);
    const get = cache.get.bind(cache);
    cache.get = (...args) => (counts.analysesRead++, get(...args));
    const atlas = await Atlas.open(
      store,
      registry,
      (d) => (counts.analysed++, { asOf: d.asOf }),
      cache,
      (_m, _d, a) => (counts.summarized++, { asOf: a.asOf }),
      codec,
    );
    return { atlas, counts };
  }

  async function submitTwo(store: MemoryStore) {
    const { atlas } = await open(store);
    for (const asOf of ['2025-01-01', '2025-02-01']) {
      const doc = { ...validDeclaration('veritalk'), asOf };
      await atlas.submit('veritalk', doc, JSON.stringify(doc));
    }
    await atlas.submit('quietline', validDeclaration('quietline'), JSON.stringify(validDeclaration('quietline')));
  }

  it('are all a restart reads: no analysis is read or made', async () => {
    const store = new MemoryStore();
    await submitTwo(store);
    const { atlas, counts } = await open(store);
    expect(counts).toEqual({ analysed: 0, summarized: 0, analysesRead: 0 });
    expect(atlas.latestOf('veritalk')).toMatchObject({ meta: { version: 2 }, summary: { asOf: '2025-02-01' } });
    expect(atlas.latestOf('quietline')?.summary).toEqual({ asOf: validDeclaration('quietline').asOf });
  });

  it('are made once from analyses remembered without them, and go stale with their analysis', async () => {
    const store = new MemoryStore();
    await submitTwo(store);
    await rm(path.dirname(new FileAnalysisCache(dir, 'k').summaryPath('veritalk')), { recursive: true });
    const old = await open(store);
    expect(old.counts).toEqual({ analysed: 0, summarized: 2, analysesRead: 2 });
    expect((await open(store)).counts).toEqual({ analysed: 0, summarized: 0, analysesRead: 0 });

    // A summary of an older version, or one that does not decode, is a miss.
    const paths = new FileAnalysisCache(dir, 'k');
    await writeFile(paths.summaryPath('veritalk'), JSON.stringify({ key: 'k', version: 1, summary: { asOf: '2025-01-01' } }));
    await writeFile(paths.summaryPath('quietline'), JSON.stringify({ key: 'k', version: 1, summary: { other: true } }));
    const stale = await open(store);
    expect(stale.counts).toEqual({ analysed: 0, summarized: 2, analysesRead: 2 });
    expect(stale.atlas.latestOf('veritalk')?.summary).toEqual({ asOf: '2025-02-01' });

    // Under another key (policy, code or law epoch changed), analyses and summaries are made again.
    expect((await open(store, 'other')).counts).toEqual({ analysed: 2, summarized: 2, analysesRead: 2 });
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
