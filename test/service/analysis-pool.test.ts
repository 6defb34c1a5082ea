import { describe, expect, it } from '@jest/globals';
import { buildService } from '../../src/bootstrap.js';
import { defaultAnalysisWorkers, readConfig } from '../../src/config.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { declarationFor, sampleDeclarations } from '../../bench/seed-store.js';

/** A store with `count` providers, a few of them with a second version (their findings compare with the first). */
async function seeded(count: number): Promise<MemoryStore> {
  const store = new MemoryStore();
  const samples = sampleDeclarations();
  for (let i = 0; i < count; i++) {
    const id = `pool-${String(i).padStart(3, '0')}`;
    await store.append(id, { expectedVersion: 0, body: JSON.stringify(declarationFor(id, i, samples)) });
    if (i % 7 === 0) {
      const next = declarationFor(id, i + 1, samples);
      await store.append(id, { expectedVersion: 1, body: JSON.stringify(next) });
    }
  }
  return store;
}

describe('analysis threads at start (ANALYSIS_WORKERS)', () => {
  it('a start that analyses on two threads builds exactly the read model and analyses of a start on the main thread', async () => {
    const store = await seeded(36); // enough to use the threads (a start with only a few analyses does not start them)
    const main = await buildService(store, { log: () => undefined });
    const threaded = await buildService(store, { log: () => undefined, analysisWorkers: 2 });
    expect(threaded.atlas.providerIds()).toEqual(main.atlas.providerIds());
    expect(threaded.atlas.providerIds()).toHaveLength(36);
    expect(JSON.stringify(threaded.atlas.allLatest())).toBe(JSON.stringify(main.atlas.allLatest()));
    for (const id of ['pool-000', 'pool-007', 'pool-013']) {
      const [a, b] = [await threaded.atlas.latest(id), await main.atlas.latest(id)];
      expect(a!.meta.version).toBe(id === 'pool-013' ? 1 : 2);
      expect(JSON.stringify(a!.analysis)).toBe(JSON.stringify(b!.analysis));
    }
  }, 180_000); // each thread loads the schemas and the scoring code itself (through tsx under Jest: seconds on a busy machine)
});

describe('analysis threads by default', () => {
  it('are the available cores (never none) unless ANALYSIS_WORKERS says otherwise', () => {
    expect([1, 2, 3, 4, 8].map(defaultAnalysisWorkers)).toEqual([1, 2, 3, 4, 8]);
    expect(readConfig({ ANALYSIS_WORKERS: '2' }).analysisWorkers).toBe(2);
    expect(readConfig({ ANALYSIS_WORKERS: '0' }).analysisWorkers).toBe(0);
  });
});
