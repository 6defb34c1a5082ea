import { readdirSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import type { Declaration } from '../../src/formats/types.generated.js';
import { readSampleDeclarations, sampleDeclarationsDir } from '../../src/policies/load-sample-declarations.js';
import { warmUp, warmUpInTurns } from '../../src/service/warm-up.js';

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

  it('in turns: nothing before the caller goes on, then one analysis per turn of the event loop, with what was waiting run between them', async () => {
    const seen: string[] = [];
    const decls = [{ provider: { id: 'a' } }, { provider: { id: 'b' } }] as unknown as Declaration[];
    let read = 0;
    const done = warmUpInTurns((d) => seen.push(d.provider.id), () => (read++, decls), 2);
    expect([seen, read]).toEqual([[], 0]);
    // Something waiting on the event loop meanwhile (a request): it runs between analyses.
    const ticks = (async () => {
      for (let i = 0; i < 6; i++) {
        await new Promise((resolve) => setImmediate(resolve));
        seen.push('tick');
      }
    })();
    await Promise.all([done, ticks]);
    expect(read).toBe(1);
    expect(seen.filter((s) => s !== 'tick')).toEqual(['a', 'b', 'a', 'b']);
    // Never two analyses in one turn: a tick between any two of them.
    const analyses = seen.map((s, i) => (s === 'tick' ? -1 : i)).filter((i) => i >= 0);
    for (let k = 1; k < analyses.length; k++) expect(seen.slice(analyses[k - 1] + 1, analyses[k])).toContain('tick');
  });
});
