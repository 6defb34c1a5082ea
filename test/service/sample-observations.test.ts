import { describe, expect, it } from '@jest/globals';
import { loadSampleDeclarations } from '../../src/service/sample-data.js';
import { loadSampleObservations } from '../../src/service/sample-observations.js';
import { testService } from '../support/service.js';

describe('sample evidence', () => {
  it('is loaded beside the sample declarations, through the same checks, with the sample answer', async () => {
    const service = await testService();
    await loadSampleDeclarations(service.atlas);
    expect(await loadSampleObservations(service.observations)).toBeGreaterThanOrEqual(4);
    const all = service.observations.list('tandem-voice');
    expect(all.every((o) => o.statement.startsWith('ILLUSTRATIVE SAMPLE') && o.status === 'active')).toBe(true);
    expect(all.flatMap((o) => o.responses)).toHaveLength(1);
    // Loaded once: a store that has observations is left alone.
    expect(await loadSampleObservations(service.observations)).toBe(0);
  });

  it('is skipped when its sample provider is not there', async () => {
    const service = await testService();
    expect(await loadSampleObservations(service.observations)).toBe(0);
    expect(service.observations.providerIds()).toEqual([]);
  });
});
