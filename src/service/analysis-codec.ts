import { createHash } from 'node:crypto';
import type { Finding } from '../findings/rule.js';
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

/**
 * What an analyzer reads of an analysis made under other law (src/service/analysis.ts), and its
 * findings when they hold under the law data now (`keptFindings`).
 */
export type StaleAnalysis = Pick<Analysis, 'modelVersion' | 'lawKeys' | 'scores' | 'disclosure'> & { keptFindings?: Finding[] };

/** Bumped when the remembered form changes: another form does not decode. */
const FORM = 1;

/** What is written: the analysis without what its scores determine, and the scores compact. */
interface Stored extends Omit<Analysis, 'grade' | 'exposureScore' | 'exposure' | 'scores'> {
  form: typeof FORM;
  scores: CompactScoresJson;
  /** The law data the findings read (`findingsLaw`) when they were made. */
  findingsLaw: string;
}

/**
 * A hash of what the findings read of the law data: each profile's code, name, retention
 * mandates and union membership (src/findings/rules/retention-below-mandate.ts, the one rule
 * that reads the profiles; the others read the declaration, its previous version and the model
 * parameters, which the analyses' cache key holds). New law data that leaves these alone — a
 * profile's instruments, its access routes — leaves every finding as it was.
 */
export function findingsLaw(policy: PolicyData): string {
  const read = policy.jurisdictions.map((p) => [p.code, p.name, p.retentionMandates, p.memberStates ?? null]);
  return createHash('sha256').update(JSON.stringify(read)).digest('hex').slice(0, 24);
}

/**
 * The remembered form of an analysis: its score table as compact tenths (a few kilobytes of
 * base64 instead of a nested object of a thousand pairs) and without the exposure summary and
 * headline, which the table determines (`summaryOfScores` makes them as a full analysis does).
 * Less than half the bytes to write and parse for every provider whose column a change of law
 * updates; decoded, the analysis is the one encoded, key for key.
 */
export function analysisCodec(policy: PolicyData): AnalysisCodec {
  const law = findingsLaw(policy);
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
        findingsLaw: law,
      };
      return JSON.stringify(stored);
    },
    decode(text) {
      return expand(parse(text));
    },
    staleOrCurrent(text, isCurrent) {
      const s = parse(text);
      if (isCurrent(s)) return { analysis: expand(s) };
      const keptFindings = s.findingsLaw === law ? s.findings : undefined;
      return { stale: { modelVersion: s.modelVersion, lawKeys: s.lawKeys, scores: CompactScores.fromJSON(s.scores).toTable(), disclosure: s.disclosure, keptFindings } };
    },
  };
}
