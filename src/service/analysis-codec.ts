import { CompactScores, type CompactScoresJson } from './compact-scores.js';
import { summaryOfScores, type Analysis, type PolicyData } from './analysis.js';

/** An analysis as remembered on disk, and back. */
export interface AnalysisCodec {
  encode(analysis: Analysis): string;
  /** Throws when the text is not an analysis of this form (then it is made again). */
  decode(text: string): Analysis;
  /**
   * What updating a remembered analysis reads of it (its model, the law of each column, the
   * score table and the disclosure score), without the summary a full decode makes; undefined
   * when it is current (`isCurrent`), then decoded in full (`analysis`). Throws as `decode`.
   */
  staleOrCurrent(text: string, isCurrent: (analysis: Pick<Analysis, 'modelVersion' | 'lawKeys'>) => boolean): { stale: StaleAnalysis } | { analysis: Analysis };
}

/** What an analyzer reads of an analysis made under other law (src/service/analysis.ts). */
export type StaleAnalysis = Pick<Analysis, 'modelVersion' | 'lawKeys' | 'scores' | 'disclosure'>;

/** Bumped when the remembered form changes: another form does not decode. */
const FORM = 1;

/** What is written: the analysis without what its scores determine, and the scores compact. */
interface Stored extends Omit<Analysis, 'grade' | 'exposureScore' | 'exposure' | 'scores'> {
  form: typeof FORM;
  scores: CompactScoresJson;
}

/**
 * The remembered form of an analysis: its score table as compact tenths (a few kilobytes of
 * base64 instead of a nested object of a thousand pairs) and without the exposure summary and
 * headline, which the table determines (`summaryOfScores` makes them as a full analysis does).
 * Less than half the bytes to write and parse for every provider whose column a change of law
 * updates; decoded, the analysis is the one encoded, key for key.
 */
export function analysisCodec(policy: PolicyData): AnalysisCodec {
  const parse = (text: string) => {
    const s = JSON.parse(text) as Stored;
    if (s.form !== FORM || s.modelVersion !== policy.params.modelVersion) throw new Error('not a remembered analysis of this form and model');
    return s;
  };
  const expand = (s: Stored): Analysis => {
    const scores = CompactScores.fromJSON(s.scores).toTable();
    const exposure = summaryOfScores(scores, policy);
    // In the order of an analysis as made (src/service/analysis.ts), so it serialises byte for byte the same.
    return {
      categoriesCollected: s.categoriesCollected,
      modelVersion: s.modelVersion,
      lawDate: s.lawDate,
      lawEpoch: s.lawEpoch,
      grade: exposure.overall.grade,
      exposureScore: exposure.overall.score,
      disclosureScore: s.disclosureScore,
      disclosure: s.disclosure,
      exposure,
      scores,
      findings: s.findings,
      lawKeys: s.lawKeys,
    };
  };
  return {
    encode(a) {
      const stored: Stored = {
        form: FORM,
        categoriesCollected: a.categoriesCollected,
        modelVersion: a.modelVersion,
        lawDate: a.lawDate,
        lawEpoch: a.lawEpoch,
        disclosureScore: a.disclosureScore,
        disclosure: a.disclosure,
        scores: CompactScores.of(a.scores).toJSON(),
        findings: a.findings,
        lawKeys: a.lawKeys,
      };
      return JSON.stringify(stored);
    },
    decode(text) {
      return expand(parse(text));
    },
    staleOrCurrent(text, isCurrent) {
      const s = parse(text);
      if (isCurrent(s)) return { analysis: expand(s) };
      return { stale: { modelVersion: s.modelVersion, lawKeys: s.lawKeys, scores: CompactScores.fromJSON(s.scores).toTable(), disclosure: s.disclosure } };
    },
  };
}
