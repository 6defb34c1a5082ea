import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { openReadModel } from '../../src/bootstrap.js';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import { loadJurisdictions } from '../../src/policies/load-jurisdictions.js';
import { loadModelParameters } from '../../src/policies/load-model-parameters.js';
import { analysisIsCurrent, makeAnalyzer, type Analysis, type PolicyData } from '../../src/service/analysis.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { Declaration } from '../../src/formats/types.generated.js';
import { declarationFor, sampleDeclarations } from '../../bench/seed-store.js';

const registry = loadSchemaRegistry();
const policy: PolicyData = { jurisdictions: loadJurisdictions(registry), params: loadModelParameters(registry) };

/** The policy with one profile's first instrument changed (no judicial review, a gag order): new law data for that profile only. */
function changed(code: string): PolicyData {
  const jurisdictions = structuredClone(policy.jurisdictions);
  const profile = jurisdictions.find((p) => p.code === code)!;
  const instrument = profile.instruments[0] as unknown as Record<string, unknown>;
  instrument.judicialReview = !instrument.judicialReview;
  instrument.gagOrder = 'yes';
  return { jurisdictions, params: policy.params };
}

const samples = sampleDeclarations() as Declaration[];

describe('recompute only what changed', () => {
  it("a new version of one non-union profile's law data recomputes that column only, and the analysis is the one a full analysis makes", () => {
    const after = changed('JP');
    const fresh = makeAnalyzer(after);
    const isCurrent = analysisIsCurrent(after);
    for (const declaration of samples) {
      const stale = makeAnalyzer(policy)(declaration, undefined);
      expect(isCurrent(stale)).toBe(false);
      const updated = fresh(declaration, undefined, stale);
      expect(JSON.stringify(updated)).toBe(JSON.stringify(fresh(declaration, undefined)));
      expect(isCurrent(updated)).toBe(true);
      // Every other column is the stale analysis's own bounds, kept rather than computed again.
      for (const [category, row] of Object.entries(updated.scores)) {
        for (const code of Object.keys(row)) if (code !== 'JP') expect(row[code]).toBe(stale.scores[category][code]);
        expect(row.JP).not.toBe(stale.scores[category].JP);
      }
      expect(Object.entries(updated.lawKeys).filter(([code, key]) => stale.lawKeys[code] !== key).map(([code]) => code)).toEqual(['JP']);
    }
  });

  it('a change to a union (EU) reaches its members: every column is computed again, and the result is still exact', () => {
    const after = changed('EU');
    const stale = makeAnalyzer(policy)(samples[0], undefined);
    const updated = makeAnalyzer(after)(samples[0], undefined, stale);
    expect(JSON.stringify(updated)).toBe(JSON.stringify(makeAnalyzer(after)(samples[0], undefined)));
    expect(Object.keys(updated.lawKeys).every((code) => updated.lawKeys[code] !== stale.lawKeys[code])).toBe(true);
    expect(updated.scores['message-content'].FR).not.toBe(stale.scores['message-content'].FR);
  });

  describe('a restart under new law data (file cache)', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'ra-law-change-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('updates every remembered analysis column by column and builds the read model a fresh start builds', async () => {
      const store = new MemoryStore();
      for (let i = 0; i < 12; i++) await store.append(`law-${i}`, { expectedVersion: 0, body: JSON.stringify(declarationFor(`law-${i}`, i, samples)) });
      await openReadModel(store, registry, policy, makeAnalyzer(policy), { analysisCacheDir: dir });
      const after = changed('JP');
      const calls: { stale: boolean }[] = [];
      const analyze = makeAnalyzer(after);
      const counted = (d: Declaration, p: Declaration | undefined, stale?: unknown) => (calls.push({ stale: stale !== undefined }), analyze(d, p, stale));
      const updated = await openReadModel(store, registry, after, counted, { analysisCacheDir: dir });
      expect(calls).toHaveLength(12);
      expect(calls.every((c) => c.stale)).toBe(true); // each from its remembered analysis, none from scratch
      const fresh = await openReadModel(store, registry, after, makeAnalyzer(after), {});
      expect(JSON.stringify(updated.allLatest())).toBe(JSON.stringify(fresh.allLatest()));
      const [a, b] = [(await updated.latest('law-3'))!.analysis, (await fresh.latest('law-3'))!.analysis];
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      // And the next start finds everything current: nothing analysed.
      calls.length = 0;
      await openReadModel(store, registry, after, counted, { analysisCacheDir: dir });
      expect(calls).toHaveLength(0);
      expect(analysisIsCurrent(after)((await updated.latest('law-0'))!.analysis as Analysis)).toBe(true);
    });
  });
});
