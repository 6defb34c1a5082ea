import { describe, expect, it } from '@jest/globals';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import type { Analysis } from '../../src/service/analysis.js';
import type { ScoreTable } from '../../src/service/analysis.js';
import { Atlas } from '../../src/service/atlas.js';
import { CompactScores } from '../../src/service/compact-scores.js';
import type { ProviderSummary } from '../../src/service/provider-entry.js';
import { RankingCache } from '../../src/service/ranking-cache.js';
import type { RankEntry, RankOrder, ThreatModel } from '../../src/service/ranking.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { validDeclaration } from '../support/service.js';

const registry = loadSchemaRegistry();

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const CATEGORIES = ['content', 'metadata', 'location'];
const JURISDICTIONS = ['AU', 'CN', 'US', 'DE'];
/** Few distinct values, so that many providers tie on one bound or on both. */
const VALUES = [0, 10, 12.5, 40, 40, 90, 100];

/** A table of some categories in some jurisdictions (layouts differ between providers), worst case never below established. */
function randomTable(next: () => number): ScoreTable {
  const table: ScoreTable = {};
  const pick = <T>(items: T[]) => items.filter(() => next() < 0.7);
  for (const category of pick(CATEGORIES)) {
    table[category] = {};
    for (const jurisdiction of pick(JURISDICTIONS)) {
      const a = VALUES[Math.floor(next() * VALUES.length)];
      const b = VALUES[Math.floor(next() * VALUES.length)];
      table[category][jurisdiction] = [Math.min(a, b), Math.max(a, b)];
    }
  }
  return table;
}

/** A read model whose analyses are given tables (the provider's name says which), and rankings over it. */
async function openAtlas(store: MemoryStore, tables: Map<string, ScoreTable>) {
  const atlas = (await Atlas.open(
    store,
    registry,
    (d) => ({ table: tables.get(d.provider.name)! }),
    undefined,
    (_meta, d, a) => ({ name: d.provider.name, asOf: d.asOf, disclosureScore: 0, lawEpoch: '', scores: CompactScores.of(a.table) }),
  )) as unknown as Atlas<Analysis, ProviderSummary>;
  return { atlas, rankings: new RankingCache(atlas) };
}

let written = 0;
/** Stores a version of `providerId` whose analysis is `table`. */
async function write(atlas: Atlas<Analysis, ProviderSummary>, tables: Map<string, ScoreTable>, providerId: string, table: ScoreTable) {
  const name = `table ${++written}`;
  tables.set(name, table);
  const doc = validDeclaration(providerId);
  doc.provider.name = name;
  await atlas.submit(providerId, doc, JSON.stringify(doc));
}

const row = (r: RankEntry) => [r.latest.meta.providerId, r.latest.meta.version, r.rank, r.established, r.worstCase, r.category, r.jurisdiction];

const models: ThreatModel[] = [
  { categories: [], jurisdictions: [] },
  { categories: ['content'], jurisdictions: ['CN'] },
  { categories: ['metadata'], jurisdictions: [] },
  { categories: [], jurisdictions: ['US', 'AU'] },
  { categories: ['location', 'content'], jurisdictions: ['DE', 'CN', 'XX'] },
  { categories: ['nothing'], jurisdictions: ['CN'] },
];
const pages = [
  [0, 50],
  [0, 1],
  [3, 7],
  [37, 20],
  [150, 500],
  [199, 5],
  [1000, 10],
];

/** Every page of every model and order from the index equals the same slice of the whole ranking, sorted afresh. */
async function expectPagesAsWholeRanking(rankings: RankingCache, atLeast = 500) {
  let compared = 0;
  for (const model of models) {
    for (const order of ['worst-case', 'established'] as RankOrder[]) {
      const whole = await rankings.rank(model, order);
      for (const [offset, limit] of pages) {
        const page = await rankings.page(model, order, undefined, offset, limit);
        expect({ model, order, offset, limit, total: page.total, undeclared: page.undeclared, items: page.items.map(row) }).toEqual({
          model,
          order,
          offset,
          limit,
          total: whole.ranked.length,
          undeclared: whole.undeclared,
          items: whole.ranked.slice(offset, offset + limit).map(row),
        });
        compared += page.items.length;
      }
    }
  }
  expect(compared).toBeGreaterThan(atLeast);
}

describe('the columnar ranking index', () => {
  it('gives every page exactly as sorting every provider would: order, shared ranks, worst cell, undeclared', async () => {
    const next = random(7);
    const store = new MemoryStore();
    const tables = new Map<string, ScoreTable>();
    const { atlas, rankings } = await openAtlas(store, tables);
    // Added out of id order, so the index's rows are not in id order.
    const ids = Array.from({ length: 200 }, (_, i) => `p-${String((i * 37) % 200).padStart(3, '0')}`);
    for (const id of ids) await write(atlas, tables, id, randomTable(next));
    await expectPagesAsWholeRanking(rankings);
  });

  it('stays current after writes: new versions and new providers', async () => {
    const next = random(11);
    const store = new MemoryStore();
    const tables = new Map<string, ScoreTable>();
    const { atlas, rankings } = await openAtlas(store, tables);
    for (let i = 0; i < 120; i++) await write(atlas, tables, `p-${String(i).padStart(3, '0')}`, randomTable(next));
    await rankings.page(models[1]); // indexed and remembered before the writes
    for (let i = 0; i < 60; i++) await write(atlas, tables, `p-${String(Math.floor(next() * 240)).padStart(3, '0')}`, randomTable(next));
    await expectPagesAsWholeRanking(rankings);
  });

  it('starts from the read model and follows what a replica learns of another replica’s writes', async () => {
    const next = random(23);
    const store = new MemoryStore();
    const tables = new Map<string, ScoreTable>();
    const writer = await openAtlas(store, tables);
    for (let i = 0; i < 100; i++) await write(writer.atlas, tables, `p-${String(i).padStart(3, '0')}`, randomTable(next));
    const replica = await openAtlas(store, tables);
    await expectPagesAsWholeRanking(replica.rankings);
    const moved: string[] = [];
    for (let i = 0; i < 40; i++) {
      const id = `p-${String(Math.floor(next() * 150)).padStart(3, '0')}`;
      await write(writer.atlas, tables, id, randomTable(next));
      moved.push(id);
    }
    const before = await replica.rankings.page(models[0], 'worst-case', undefined, 0, 500);
    expect(before.total).toBe(100 - before.undeclared.length);
    for (const id of moved.slice(0, 20)) await replica.atlas.refresh(id);
    await replica.atlas.refreshAll();
    await expectPagesAsWholeRanking(replica.rankings);
    const after = await replica.rankings.page(models[0], 'worst-case', undefined, 0, 500);
    const fromWriter = await writer.rankings.page(models[0], 'worst-case', undefined, 0, 500);
    expect({ ...after, items: after.items.map(row) }).toEqual({ ...fromWriter, items: fromWriter.items.map(row) });
  });

  it('answers from the whole ranking when a table holds values other than tenths', async () => {
    const next = random(5);
    const store = new MemoryStore();
    const tables = new Map<string, ScoreTable>();
    const { atlas, rankings } = await openAtlas(store, tables);
    for (let i = 0; i < 30; i++) await write(atlas, tables, `p-${String(i).padStart(3, '0')}`, randomTable(next));
    await write(atlas, tables, 'p-odd', { content: { CN: [1 / 3, 100.05] } });
    await expectPagesAsWholeRanking(rankings, 100);
    expect((await rankings.page(models[1])).items[0]).toMatchObject({ latest: { meta: { providerId: 'p-odd' } }, rank: 1, worstCase: 100.05 });
  });
});
