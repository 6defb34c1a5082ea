import type { Declaration } from '../formats/types.generated.js';
import type { VersionMeta } from '../store/store.js';
import type { Analysis } from './analysis.js';
import type { SummaryCodec } from './atlas.js';
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

/** Bumped whenever the stored form of a summary changes: a summary of another form is recomputed. */
const SUMMARY_FORMAT = 1;

/**
 * A summary as kept beside its remembered analysis (about 4 KB of JSON: the scores in base64
 * tenths), so a restart reads this instead of parsing every analysis. Anything that does
 * not decode exactly is a miss, and the summary is made again from the analysis.
 */
export const providerSummaryCodec: SummaryCodec<ProviderSummary> = {
  encode: (summary) => ({ format: SUMMARY_FORMAT, ...summary, scores: summary.scores.toJSON() }),
  decode(value) {
    const v = value as Record<string, unknown> | null;
    if (typeof v !== 'object' || v === null || v.format !== SUMMARY_FORMAT) return undefined;
    const strings = ['name', 'asOf', 'modelVersion', 'lawDate', 'lawEpoch', 'grade', 'establishedGrade'] as const;
    const numbers = ['categoriesCollected', 'exposureScore', 'established', 'disclosureScore'] as const;
    if (!strings.every((k) => typeof v[k] === 'string') || !numbers.every((k) => typeof v[k] === 'number')) return undefined;
    try {
      const text = (k: (typeof strings)[number]) => v[k] as string;
      const number = (k: (typeof numbers)[number]) => v[k] as number;
      return {
        name: text('name'),
        asOf: text('asOf'),
        modelVersion: text('modelVersion'),
        lawDate: text('lawDate'),
        lawEpoch: text('lawEpoch'),
        categoriesCollected: number('categoriesCollected'),
        grade: text('grade') as Analysis['grade'],
        establishedGrade: text('establishedGrade') as Analysis['grade'],
        exposureScore: number('exposureScore'),
        established: number('established'),
        disclosureScore: number('disclosureScore'),
        scores: CompactScores.fromJSON(v.scores),
      };
    } catch {
      return undefined;
    }
  },
};
