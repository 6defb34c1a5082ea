import type { Analysis } from '../service/analysis.js';
import type { LatestVersion } from '../service/atlas.js';

/** The summary row of a provider as lists and the provider page show it. */
export function providerSummary({ meta, declaration, analysis }: LatestVersion<Analysis>) {
  return {
    providerId: meta.providerId,
    name: declaration.provider.name,
    latestVersion: meta.version,
    submittedAt: meta.submittedAt,
    asOf: declaration.asOf,
    hash: meta.hash,
    ...analysis,
  };
}

export const versionLocation = (providerId: string, version: number) => `/v1/providers/${providerId}/declarations/${version}`;
