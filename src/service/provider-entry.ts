import type { Declaration } from '../formats/types.generated.js';
import type { VersionMeta } from '../store/store.js';
import type { Analysis } from './analysis.js';
import { CompactScores } from './compact-scores.js';

/**
 * What the read model keeps of a provider's latest version: what lists, rankings, badges and
 * feeds read, a few kilobytes. The parsed declaration and the full analysis (findings,
 * exposure summary, disclosure detail) are loaded on demand (`Atlas.latest`).
 */
export interface ProviderSummary {
  name: string;
  asOf: string;
  modelVersion: string;
  /** The law date and epoch the remembered scores apply. */
  lawDate: string;
  lawEpoch: string;
  categoriesCollected: number;
  /** The overall exposure headline (the worst cell's bounds and grades). */
  grade: Analysis['grade'];
  establishedGrade: Analysis['grade'];
  exposureScore: number;
  established: number;
  disclosureScore: number;
  /** Every cell's `[established, worstCase]`, compact. */
  scores: CompactScores;
}

/** The summary of one analysed version. */
export function summarizeProvider(_meta: VersionMeta, declaration: Declaration, analysis: Analysis): ProviderSummary {
  const { overall } = analysis.exposure;
  return {
    name: declaration.provider.name,
    asOf: declaration.asOf,
    modelVersion: analysis.modelVersion,
    lawDate: analysis.lawDate,
    lawEpoch: analysis.lawEpoch,
    categoriesCollected: analysis.categoriesCollected,
    grade: analysis.grade,
    establishedGrade: overall.establishedGrade,
    exposureScore: analysis.exposureScore,
    established: overall.established,
    disclosureScore: analysis.disclosureScore,
    scores: CompactScores.of(analysis.scores),
  };
}
