import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { declarationFor, sampleDeclarations } from '../../bench/seed-store.js';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import type { Declaration } from '../../src/formats/types.generated.js';
import { loadJurisdictions } from '../../src/policies/load-jurisdictions.js';
import { loadModelParameters } from '../../src/policies/load-model-parameters.js';
import { FileAnalysisCache, type AnalysisCache } from '../../src/service/analysis-cache.js';
import { makeAnalyzer, type Analysis } from '../../src/service/analysis.js';
import { providerSummaryCodec, summarizeProvider } from '../../src/service/provider-entry.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { adminAuth, testService, type TestService } from '../support/service.js';

/**
 * What one write (and the ranking read after it) costs must not grow with the number of stored
 * providers (rows b and c of `npm run bench`): counted here as calls, not timed. A service over
 * a few providers and one over many make the same writes and the same ranking request; every
 * read of the store, of the analysis cache and of the read model's lists of all providers is
 * counted, and the counts must be the same whatever the number of providers.
 */

type Counts = Record<string, number>;

/** The store with each of its calls counted in `counts` (`store.<method>`). */
function countedStore(store: Store, counts: Counts): Store {
  const count = (name: string) => (counts[`store.${name}`] = (counts[`store.${name}`] ?? 0) + 1);
  return {
    providerIds: () => (count('providerIds'), store.providerIds()),
    history: (id) => (count('history'), store.history(id)),
    version: (id, v) => (count('version'), store.version(id, v)),
    append: (id, input) => (count('append'), store.append(id, input)),
    close: () => store.close(),
  };
}

/** The analysis cache with each of its calls counted (`cache.<method>`). */
function countedCache(cache: AnalysisCache<Analysis>, counts: Counts): AnalysisCache<Analysis> {
  const count = (name: string) => (counts[`cache.${name}`] = (counts[`cache.${name}`] ?? 0) + 1);
  return {
    get: (id, v) => (count('get'), cache.get(id, v)),
    set: (id, v, a, s) => (count('set'), cache.set(id, v, a, s)),
    getSummaries: (versions) => (count('getSummaries'), cache.getSummaries!(versions)),
    setSummary: (id, v, s) => (count('setSummary'), cache.setSummary!(id, v, s)),
  };
}

const samples = sampleDeclarations();
const registry = loadSchemaRegistry();
const policy = { jurisdictions: loadJurisdictions(registry), params: loadModelParameters(registry) };
const analyze = makeAnalyzer(policy);
/** Each sample's analysis, made once: the providers of a test store are re-issued samples. */
const analysed = samples.map((s) => analyze(s as Declaration, undefined));

/**
 * An analysis cache in memory that already remembers every seeded provider's summary, as a
 * restart finds them: the service starts without analysing anyone (and the test in seconds).
 */
function rememberedCache(count: number): AnalysisCache<Analysis> {
  const analyses = new Map<string, { version: number; analysis: Analysis }>();
  const summaries = new Map<string, { version: number; summary: unknown }>();
  for (let i = 0; i < count; i++) {
    const id = providerId(i);
    const meta = { providerId: id, version: 1, submittedAt: '2026-01-01T00:00:00.000Z', hash: '' };
    summaries.set(id, { version: 1, summary: providerSummaryCodec.encode(summarizeProvider(meta, declarationFor(id, i, samples) as Declaration, analysed[i % samples.length])) });
  }
  return {
    async get(id, version) {
      const hit = analyses.get(id);
      return hit?.version === version ? hit.analysis : undefined;
    },
    async set(id, version, analysis, summary) {
      analyses.set(id, { version, analysis });
      if (summary !== undefined) summaries.set(id, { version, summary });
    },
    async getSummaries(versions) {
      const found = new Map<string, unknown>();
      for (const v of versions) if (summaries.get(v.providerId)?.version === v.version) found.set(v.providerId, summaries.get(v.providerId)!.summary);
      return found;
    },
    async setSummary(id, version, summary) {
      summaries.set(id, { version, summary });
    },
  };
}

const providerId = (i: number) => `scale-${String(i).padStart(4, '0')}`;

async function seededStore(count: number): Promise<MemoryStore> {
  const store = new MemoryStore();
  for (let i = 0; i < count; i++) await store.append(providerId(i), { expectedVersion: 0, body: JSON.stringify(declarationFor(providerId(i), i, samples)) });
  return store;
}

/** A service over `count` stored providers (summaries remembered), with its calls counted from now on. */
async function countedService(count: number): Promise<{ service: TestService; counts: Counts }> {
  const store = await seededStore(count);
  const counts: Counts = {};
  const cache = countedCache(rememberedCache(count), counts);
  const service = await testService(countedStore(store, counts), { analysisCache: () => cache } as never);
  const atlas = service.atlas as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ['allLatest', 'providerIds', 'latestDeclarations', 'latestDeclaration', 'declarationAt']) {
    const original = atlas[name].bind(service.atlas);
    atlas[name] = (...args: unknown[]) => ((counts[`atlas.${name}`] = (counts[`atlas.${name}`] ?? 0) + 1), original(...args));
  }
  for (const key of Object.keys(counts)) delete counts[key];
  return { service, counts };
}

/** A new provider's first version, then a second version of a stored provider, then the ranking: what rows b and c do. */
async function writeAndRank(service: TestService, count: number): Promise<void> {
  const fresh = await request(service.app).post(`/v1/providers/fresh/declarations`).set(adminAuth).send(declarationFor('fresh', 1, samples));
  expect(fresh.status).toBe(201);
  const again = await request(service.app).post(`/v1/providers/${providerId(3)}/declarations`).set(adminAuth).send(declarationFor(providerId(3), 4, samples));
  expect(again.status).toBe(201);
  const ranking = await request(service.app).get('/v1/exposure?jurisdiction=CN&category=message-content');
  expect(ranking.status).toBe(200);
  expect(ranking.body.total + ranking.body.undeclared.length).toBe(count + 1);
}

describe('work per write does not grow with the number of stored providers', () => {
  it('writes (a new provider, a new version) and the ranking after them make the same calls at 6 and at 300 providers', async () => {
    const few = await countedService(6);
    await writeAndRank(few.service, 6);
    const many = await countedService(300);
    await writeAndRank(many.service, 300);
    expect(many.counts).toEqual(few.counts);
    // Neither a write nor a ranking page walks every provider's entry or declaration, and the
    // store is read only for the version written on (its body, once) and the histories written to.
    expect(many.counts['atlas.allLatest'] ?? 0).toBe(0);
    expect(many.counts['atlas.latestDeclarations'] ?? 0).toBe(0);
    expect(many.counts['store.version'] ?? 0).toBeLessThanOrEqual(2);
    expect(many.counts['store.append']).toBe(2);
    expect(many.counts['cache.set']).toBe(2);
  }, 120_000);
});

describe('transparency figures after a write', () => {
  /** The figures once (every declaration read), then two writes and the figures again: what the second read costs. */
  async function figuresAfterWrites(count: number) {
    const { service, counts } = await countedService(count);
    expect((await request(service.app).get('/v1/transparency')).status).toBe(200);
    for (const key of Object.keys(counts)) delete counts[key];
    const first = await request(service.app).post(`/v1/providers/fresh/declarations`).set(adminAuth).send(declarationFor('fresh', 4, samples));
    expect(first.status).toBe(201);
    const again = await request(service.app).post(`/v1/providers/${providerId(1)}/declarations`).set(adminAuth).send(declarationFor(providerId(1), 3, samples));
    expect(again.status).toBe(201);
    const after = await request(service.app).get('/v1/transparency?limit=20000');
    expect(after.status).toBe(200);
    return { counts, rows: after.body.rows as { providerId: string }[] };
  }

  it('re-read only the declarations written, at 6 as at 300 providers, and include what was written', async () => {
    const few = await figuresAfterWrites(6);
    const many = await figuresAfterWrites(300);
    expect(many.counts).toEqual(few.counts);
    expect(many.counts['atlas.latestDeclarations'] ?? 0).toBe(0);
    expect(many.counts['atlas.latestDeclaration']).toBe(2);
    // The samples re-issued: 'fresh' is sample 4's rows, the second version of provider 1 sample 3's.
    const rowsOf = (id: string, rows: { providerId: string }[]) => rows.filter((r) => r.providerId === id).length;
    for (const { rows } of [few, many]) {
      expect(rowsOf('fresh', rows)).toBe((samples[4].governmentRequests ?? []).length);
      expect(rowsOf(providerId(1), rows)).toBe((samples[3].governmentRequests ?? []).length);
    }
    expect(rowsOf('fresh', many.rows)).toBeGreaterThan(0);
  }, 120_000);
});

describe('a restart with remembered summaries', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('reads no body and no analysis: one batch of summaries for every provider, whatever their number', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'atlas-restart-'));
    dirs.push(dir);
    const store = await seededStore(40);
    // The first start analyses every provider and remembers each analysis with its summary.
    const first = await testService(store, { analysisCacheDir: dir } as never);
    expect(first.atlas.providerIds()).toHaveLength(40);
    const counts: Counts = {};
    const restarted = await testService(countedStore(store, counts), { analysisCache: (key: string) => countedCache(new FileAnalysisCache<Analysis>(dir, key), counts) } as never);
    expect(counts['store.version'] ?? 0).toBe(0);
    expect(counts['cache.get'] ?? 0).toBe(0);
    expect(counts['cache.set'] ?? 0).toBe(0);
    expect(counts['cache.getSummaries']).toBe(1);
    expect(JSON.stringify(restarted.atlas.allLatest())).toBe(JSON.stringify(first.atlas.allLatest()));
  }, 120_000);
});
