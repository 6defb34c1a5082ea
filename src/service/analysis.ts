import type { Declaration, JurisdictionProfile, ModelParameters } from '../formats/types.generated.js';
import { computeExposure, disclosureScore, summarizeExposure, type DisclosureScore, type ExposureSummary } from '../scoring/index.js';
import { contentCategoryIds } from '../findings/content-categories.js';
import { findingsOf } from '../findings/find-issues.js';
import type { Finding } from '../findings/rule.js';
import type { Analyzer } from './atlas.js';

/** Score of every cell, by category then jurisdiction: compact enough to keep for every provider. */
export type ScoreTable = Record<string, Record<string, number>>;

/** What the service derives from one declaration version, once, when it is stored. */
export interface Analysis {
  categoriesCollected: number;
  modelVersion: string;
  /** The worst cell's grade and score: the overall exposure grade. */
  grade: ExposureSummary['overall']['grade'];
  exposureScore: number;
  disclosureScore: number;
  disclosure: DisclosureScore;
  exposure: ExposureSummary;
  scores: ScoreTable;
  /** Contradictions, gaps and regressions since the previous version (src/findings). */
  findings: Finding[];
}

/** The policy data every analysis reads: jurisdiction profiles and model parameters. */
export interface PolicyData {
  jurisdictions: JurisdictionProfile[];
  params: ModelParameters;
}

export function makeAnalyzer(policy: PolicyData): Analyzer<Analysis> {
  return (declaration: Declaration, previous: Declaration | undefined): Analysis => {
    const result = computeExposure(declaration, policy.jurisdictions, policy.params);
    const summary = summarizeExposure(result, policy.params);
    const disclosure = disclosureScore(declaration);
    const scores: ScoreTable = {};
    for (const cell of result.cells) (scores[cell.category] ??= {})[cell.jurisdiction] = cell.score;
    return {
      categoriesCollected: declaration.dataCategories.filter((c) => c.collected !== 'no').length,
      modelVersion: result.modelVersion,
      grade: summary.overall.grade,
      exposureScore: summary.overall.score,
      disclosureScore: disclosure.score,
      disclosure,
      exposure: summary,
      scores,
      findings: findingsOf(declaration, previous, policy.jurisdictions, contentCategoryIds()),
    };
  };
}
