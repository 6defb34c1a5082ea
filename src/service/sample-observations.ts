import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Caller } from '../auth/api-key.js';
import type { ObservationResponse } from '../formats/types.generated.js';
import { policiesDir } from '../paths.js';
import type { ObservationService } from './observation-service.js';

interface SampleFile {
  providerId: string;
  organisation: string;
  observations: (Record<string, unknown> & { responses?: ObservationResponse[] })[];
}

/**
 * Loads the illustrative observations in policies/observations/ (one file per sample
 * provider that is loaded) into an empty observation store, through the same checks as any reviewer's write, with
 * the provider's sample responses. Returns how many observations it recorded.
 */
export async function loadSampleObservations(service: ObservationService, dir = path.join(policiesDir, 'observations')): Promise<number> {
  if (service.providerIds().length > 0) return 0;
  let count = 0;
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
    const sample = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as SampleFile;
    // Sample evidence is about a sample declaration: without it there is nothing to illustrate.
    if (!(await service.baseOf(sample.providerId))?.declaredByProvider) continue;
    const reviewer: Caller = { keyId: 'sample-data', role: 'reviewer', providerId: null, organisation: sample.organisation };
    const provider: Caller = { keyId: 'sample-data', role: 'provider', providerId: sample.providerId };
    for (const { responses = [], ...body } of sample.observations) {
      const recorded = await service.record(sample.providerId, body, reviewer);
      for (const response of responses) await service.respond(sample.providerId, recorded.id, response, provider);
      count++;
    }
  }
  return count;
}
