import type { Analysis } from '../service/analysis.js';
import type { Atlas, LatestVersion } from '../service/atlas.js';
import { notFound } from './http-error.js';
import { providerIdParam } from './params.js';

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

/** The `{providerId}` path parameter, checked, and that provider's latest version; 404 when there is none. */
export function latestOr404(atlas: Atlas<Analysis>, rawId: unknown): LatestVersion<Analysis> {
  const providerId = providerIdParam(String(rawId));
  const latest = atlas.latestOf(providerId);
  if (!latest) throw notFound(`No provider "${providerId}".`);
  return latest;
}
