import { readdirSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import type { Declaration } from '../../src/formats/types.generated.js';
import { readSampleDeclarations, sampleDeclarationsDir } from '../../src/policies/load-sample-declarations.js';
import { warmUp } from '../../src/service/warm-up.js';

describe('warming up the analysis before serving', () => {
  it('reads every shipped sample declaration as a valid declaration', () => {
    const samples = readSampleDeclarations(loadSchemaRegistry());
    expect(samples.length).toBe(readdirSync(sampleDeclarationsDir).filter((f) => f.endsWith('.json')).length);
    expect(samples.length).toBeGreaterThan(0);
  });

  it('analyses each declaration once per round, with no previous version', () => {
    const seen: [string, Declaration | undefined][] = [];
    const decls = [{ provider: { id: 'a' } }, { provider: { id: 'b' } }] as unknown as Declaration[];
    warmUp((d, previous) => seen.push([d.provider.id, previous]), decls, 2);
    expect(seen).toEqual([['a', undefined], ['b', undefined], ['a', undefined], ['b', undefined]]);
  });
});
