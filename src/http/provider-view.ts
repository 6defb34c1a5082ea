import type { Analysis } from '../service/analysis.js';
import type { ProviderSummary } from '../service/provider-entry.js';
import type { Atlas, LatestEntry, LatestVersion } from '../service/atlas.js';
import { notFound } from './http-error.js';
import { providerIdParam } from './params.js';

/**
 * The summary row of a provider as lists show it: exposure grade and disclosure score side
 * by side, never blended into one number.
 */
export function providerSummary({ meta, summary }: Pick<LatestEntry<ProviderSummary>, 'meta' | 'summary'>) {
  return {
    providerId: meta.providerId,
    name: summary.name,
    latestVersion: meta.version,
    submittedAt: meta.submittedAt,
    asOf: summary.asOf,
    hash: meta.hash,
    modelVersion: summary.modelVersion,
    grade: summary.grade,
    exposureScore: summary.exposureScore,
    disclosureScore: summary.disclosureScore,
    categoriesCollected: summary.categoriesCollected,
  };
}

/** The provider page: the summary plus the exposure headline cells and the disclosure breakdown. */
export function providerDetail(latest: LatestVersion<Analysis> & { summary: ProviderSummary }) {
  return {
    ...providerSummary(latest),
    exposure: latest.analysis.exposure,
    disclosure: latest.analysis.disclosure,
    declaration: latest.declaration,
  };
}

export const versionLocation = (providerId: string, version: number) => `/v1/providers/${providerId}/declarations/${version}`;

/** The `{providerId}` path parameter, checked, and that provider's latest version; 404 when there is none. */
export function latestOr404(atlas: Atlas<Analysis, ProviderSummary>, rawId: unknown): LatestEntry<ProviderSummary> {
  const providerId = providerIdParam(String(rawId));
  const latest = atlas.latestOf(providerId);
  if (!latest) throw notFound(`No provider "${providerId}".`);
  return latest;
}

/** Like `latestOr404`, with the full analysis loaded (the read model keeps only a summary). */
export async function fullLatestOr404(atlas: Atlas<Analysis, ProviderSummary>, rawId: unknown): Promise<LatestVersion<Analysis> & { summary: ProviderSummary }> {
  const entry = latestOr404(atlas, rawId);
  // The entry just found may be replaced by a newer version meanwhile: load exactly its version.
  const [declaration, analysis] = await Promise.all([atlas.declarationAt(entry.meta.providerId, entry.meta.version), atlas.analysisAt(entry.meta.providerId, entry.meta.version)]);
  return { ...entry, declaration: declaration!, analysis: analysis! };
}
