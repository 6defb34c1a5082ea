import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openReadModel } from '../../src/bootstrap.js';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import type { Declaration } from '../../src/formats/types.generated.js';
import { todayUtc } from '../../src/law/in-force.js';
import { LawInForce } from '../../src/law/law-in-force.js';
import { loadJurisdictions } from '../../src/policies/load-jurisdictions.js';
import { loadModelParameters } from '../../src/policies/load-model-parameters.js';
import { computeExposure } from '../../src/scoring/index.js';
import { makeAnalyzer, scoreTable, type PolicyData } from '../../src/service/analysis.js';
import { CompactScores } from '../../src/service/compact-scores.js';
import { ExposureReader } from '../../src/service/exposure-reader.js';
import { RankingCache } from '../../src/service/ranking-cache.js';
import { rankProviders } from '../../src/service/ranking.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { declarationFor, sampleDeclarations } from '../../bench/seed-store.js';

const registry = loadSchemaRegistry();
const policy: PolicyData = { jurisdictions: loadJurisdictions(registry), params: loadModelParameters(registry) };
const samples = sampleDeclarations();
const PROVIDERS = 12;

/** The policy with JP's first instrument changed (no judicial review, a gag order): new law data for JP only. */
function newLawFor(code: string, base = policy): PolicyData {
  const jurisdictions = structuredClone(base.jurisdictions);
  const instrument = jurisdictions.find((p) => p.code === code)!.instruments[0] as unknown as Record<string, unknown>;
  instrument.judicialReview = !instrument.judicialReview;
  instrument.gagOrder = 'yes';
  return { jurisdictions, params: base.params };
}

async function seeded(): Promise<MemoryStore> {
  const store = new MemoryStore();
  for (let i = 0; i < PROVIDERS; i++) await store.append(`col-${i}`, { expectedVersion: 0, body: JSON.stringify(declarationFor(`col-${i}`, i, samples)) });
  return store;
}

function day(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('recompute only what changed: the columns of the profile whose law changed', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ra-columns-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("a start under new law data for JP scores JP's column (with the union, which every column reads) for each provider, nothing else, and builds what a full start builds", async () => {
    const store = await seeded();
    await openReadModel(store, registry, policy, makeAnalyzer(policy), { analysisCacheDir: dir });
    const after = newLawFor('JP');
    const scored: string[][] = [];
    const counting = makeAnalyzer(after, { scored: (codes) => scored.push([...codes].sort()) });
    const updated = await openReadModel(store, registry, after, counting, { analysisCacheDir: dir });
    const unions = policy.jurisdictions.filter((p) => p.memberStates !== undefined).map((p) => p.code as string);
    expect(scored).toHaveLength(PROVIDERS);
    for (const codes of scored) expect(codes).toEqual(['JP', ...unions].sort());
    // A full start scores every profile for every provider: the count the column update saves.
    const full: string[][] = [];
    const fresh = await openReadModel(store, registry, after, makeAnalyzer(after, { scored: (codes) => full.push([...codes]) }), {});
    expect(full.flat()).toHaveLength(PROVIDERS * policy.jurisdictions.length);
    expect(JSON.stringify(updated.allLatest())).toBe(JSON.stringify(fresh.allLatest()));
    for (const id of ['col-0', 'col-5', 'col-11']) expect(JSON.stringify((await updated.latest(id))!.analysis)).toBe(JSON.stringify((await fresh.latest(id))!.analysis));
  });

  it('on analysis threads with the file cache: the read model and every analysis are those of a full start, and the next start analyses nothing', async () => {
    const store = await seeded();
    const threads = await mkdtemp(path.join(os.tmpdir(), 'ra-columns-threads-'));
    try {
      // Enough providers to use the threads (a start with a few analyses does not start them).
      for (let i = PROVIDERS; i < 40; i++) await store.append(`col-${i}`, { expectedVersion: 0, body: JSON.stringify(declarationFor(`col-${i}`, i, samples)) });
      await openReadModel(store, registry, policy, makeAnalyzer(policy), { analysisCacheDir: threads, analysisWorkers: 2 });
      const after = newLawFor('JP');
      const updated = await openReadModel(store, registry, after, makeAnalyzer(after), { analysisCacheDir: threads, analysisWorkers: 2 });
      const fresh = await openReadModel(store, registry, after, makeAnalyzer(after), {});
      expect(JSON.stringify(updated.allLatest())).toBe(JSON.stringify(fresh.allLatest()));
      for (const id of ['col-1', 'col-20', 'col-39']) expect(JSON.stringify((await updated.latest(id))!.analysis)).toBe(JSON.stringify((await fresh.latest(id))!.analysis));
      let analysed = 0;
      const counting = makeAnalyzer(after);
      await openReadModel(store, registry, after, (d, p, s) => (analysed++, counting(d, p, s)), { analysisCacheDir: threads, analysisWorkers: 2 });
      expect(analysed).toBe(0);
    } finally {
      await rm(threads, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('results for a law date are keyed by the law in force, not by the date string', () => {
  // A law in which JP's first instrument enters force on a date close after today: from then on, JP's column differs, and nothing else.
  const today = todayUtc();
  const base = structuredClone(policy);
  const law = new LawInForce(policy.jurisdictions);
  const candidates = Array.from({ length: 40 }, (_, i) => day(today, i + 2)).filter((d) => law.changedColumns(today, d).length === 0 && law.changedColumns(today, day(d, 1)).length === 0);
  const entry = candidates[0];
  (base.jurisdictions.find((p) => p.code === 'JP')!.instruments[0] as { inForce: unknown }).inForce = { from: entry };
  const timed = new LawInForce(base.jurisdictions);

  it('finds a date on which only JP changes (the premise of the cases below)', () => {
    expect(entry).toBeDefined();
    expect(timed.changedColumns(today, day(entry, -1))).toEqual([]);
    expect(timed.changedColumns(today, entry)).toEqual(['JP']);
  });

  it("a ranking on a date of today's law is the index's, computes nothing, and echoes its own date", async () => {
    const atlas = await openReadModel(await seeded(), registry, base, makeAnalyzer(base), {});
    const rankings = new RankingCache(atlas, base);
    const model = { jurisdictions: ['JP', 'CN'], categories: ['message-content'] };
    const now = await rankings.rank(model, 'worst-case', today);
    const later = await rankings.rank(model, 'worst-case', day(entry, -1));
    expect(later).toBe(now); // one ranking for both dates: the same law
    expect(rankings.computed).toEqual({ tables: 0, columns: 0 });
    expect((await rankings.page(model, 'worst-case', day(entry, -1))).items.map((r) => r.latest.meta.providerId)).toEqual(now.ranked.slice(0, 50).map((r) => r.latest.meta.providerId));
  });

  it("a date on which JP's law differs computes JP's column once per provider, the same for two dates of that law, equal to a full computation", async () => {
    const atlas = await openReadModel(await seeded(), registry, base, makeAnalyzer(base), {});
    const rankings = new RankingCache(atlas, base, 0);
    const model = { jurisdictions: [], categories: [] };
    const first = await rankings.rank(model, 'worst-case', entry);
    expect(rankings.computed).toEqual({ tables: PROVIDERS, columns: PROVIDERS });
    const second = await rankings.rank(model, 'worst-case', day(entry, 1)); // same law as `entry`
    expect(second).toBe(first);
    expect(rankings.computed).toEqual({ tables: PROVIDERS, columns: PROVIDERS });
    // A model reading CN only: CN stands the same on `entry` as today, so the index answers.
    const cn = await rankings.page({ jurisdictions: ['CN'], categories: ['message-content'] }, 'worst-case', entry);
    expect(cn.total).toBeGreaterThan(0);
    expect(rankings.computed.tables).toBe(PROVIDERS);
    // Equal to ranking tables computed in full for that date.
    const full = rankProviders(atlas.allLatest(), model, 'worst-case', (l) => {
      const declaration = JSON.parse(JSON.stringify(declarationFor(l.meta.providerId, Number(l.meta.providerId.slice(4)), samples))) as Declaration;
      return CompactScores.of(scoreTable(computeExposure(declaration, base.jurisdictions, base.params, { lawDate: entry }).cells));
    });
    expect(JSON.stringify(first.ranked.map((r) => [r.latest.meta.providerId, r.rank, r.worstCase, r.established, r.category, r.jurisdiction]))).toBe(
      JSON.stringify(full.ranked.map((r) => [r.latest.meta.providerId, r.rank, r.worstCase, r.established, r.category, r.jurisdiction])),
    );
  });

  it('a full matrix is computed once for two dates of the same law, and each answer names its own date', async () => {
    const atlas = await openReadModel(await seeded(), registry, base, makeAnalyzer(base), {});
    const reader = new ExposureReader(atlas, base);
    const a = (await reader.of('col-3', 1, { lawDate: entry, explain: 'full' }))!;
    const b = (await reader.of('col-3', 1, { lawDate: day(entry, 1), explain: 'full' }))!;
    expect(b.cells).toBe(a.cells); // shared, not computed again
    expect([a.lawDate, b.lawDate]).toEqual([entry, day(entry, 1)]);
    const declaration = (await atlas.declarationAt('col-3', 1))!;
    expect(JSON.stringify(b)).toBe(JSON.stringify(computeExposure(declaration, base.jurisdictions, base.params, { lawDate: day(entry, 1), explain: 'full' })));
    const before = (await reader.of('col-3', 1, { lawDate: day(entry, -1), explain: 'full' }))!;
    expect(before.cells).not.toBe(a.cells); // another law: computed
  });
});
