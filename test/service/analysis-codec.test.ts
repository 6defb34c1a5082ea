import { describe, expect, it } from '@jest/globals';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import type { Declaration } from '../../src/formats/types.generated.js';
import { loadJurisdictions } from '../../src/policies/load-jurisdictions.js';
import { loadModelParameters } from '../../src/policies/load-model-parameters.js';
import { analysisIsCurrent, makeAnalyzer, type PolicyData } from '../../src/service/analysis.js';
import { analysisCodec } from '../../src/service/analysis-codec.js';
import { sampleDeclarations } from '../../bench/seed-store.js';

const registry = loadSchemaRegistry();
const policy: PolicyData = { jurisdictions: loadJurisdictions(registry), params: loadModelParameters(registry) };
const samples = sampleDeclarations() as Declaration[];

function changed(edit: (p: PolicyData) => void): PolicyData {
  const next = structuredClone(policy);
  edit(next);
  return next;
}

describe('the remembered form of an analysis', () => {
  it('decodes to the analysis encoded, byte for byte, in about half the bytes', () => {
    const codec = analysisCodec(policy);
    for (const declaration of samples) {
      const analysis = makeAnalyzer(policy)(declaration, undefined);
      const text = codec.encode(analysis);
      expect(JSON.stringify(codec.decode(text))).toBe(JSON.stringify(analysis));
      expect(text.length).toBeLessThan(JSON.stringify(analysis).length * 0.7);
    }
  });

  it("keeps the findings of a stale analysis only when the law data they read is unchanged, and the update is the full analysis either way", () => {
    const instrument = changed((p) => {
      const i = p.jurisdictions.find((j) => j.code === 'JP')!.instruments[0] as unknown as Record<string, unknown>;
      i.judicialReview = !i.judicialReview;
    });
    const mandate = changed((p) => {
      const m = p.jurisdictions.find((j) => j.retentionMandates.length > 0 && j.memberStates === undefined)!.retentionMandates[0] as unknown as Record<string, unknown>;
      m.name = `${String(m.name)} (amended)`;
    });
    const encoded = samples.map((d) => analysisCodec(policy).encode(makeAnalyzer(policy)(d, undefined)));
    for (const [after, kept] of [[instrument, true], [mandate, false]] as const) {
      const codec = analysisCodec(after);
      const isCurrent = analysisIsCurrent(after);
      samples.forEach((declaration, i) => {
        const found = codec.staleOrCurrent(encoded[i], isCurrent);
        if (!('stale' in found)) throw new Error('a change of law data leaves a remembered analysis stale');
        expect(found.stale.keptFindings !== undefined).toBe(kept);
        const updated = makeAnalyzer(after)(declaration, undefined, found.stale);
        expect(JSON.stringify(updated)).toBe(JSON.stringify(makeAnalyzer(after)(declaration, undefined)));
      });
    }
  });
});
