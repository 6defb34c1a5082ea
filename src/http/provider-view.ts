import type { Analysis } from '../service/analysis.js';
import type { LatestVersion } from '../service/atlas.js';

/**
 * The summary row of a provider as lists show it: exposure grade and disclosure score side
 * by side, never blended into one number.
 */
export function providerSummary({ meta, declaration, analysis }: LatestVersion<Analysis>) {
  return {
    providerId: meta.providerId,
    name: declaration.provider.name,
    latestVersion: meta.version,
    submittedAt: meta.submittedAt,
    asOf: declaration.asOf,
    hash: meta.hash,
    modelVersion: analysis.modelVersion,
    grade: analysis.grade,
    exposureScore: analysis.exposureScore,
    disclosureScore: analysis.disclosureScore,
    categoriesCollected: analysis.categoriesCollected,
  };
}

/** The provider page: the summary plus the exposure headline cells and the disclosure breakdown. */
export function providerDetail(latest: LatestVersion<Analysis>) {
  return {
    ...providerSummary(latest),
    exposure: latest.analysis.exposure,
    disclosure: latest.analysis.disclosure,
    declaration: latest.declaration,
  };
}

export const versionLocation = (providerId: string, version: number) => `/v1/providers/${providerId}/declarations/${version}`;
