import type { Declaration, JurisdictionProfile, ModelParameters } from '../formats/types.generated.js';
import { computeExposure, disclosureScore, summarizeExposure, type DisclosureScore, type ExposureSummary } from '../scoring/index.js';
import { contentCategoryIds } from '../findings/content-categories.js';
import { findingsOf } from '../findings/find-issues.js';
import type { Finding } from '../findings/rule.js';
import type { Analyzer } from './atlas.js';
import { epochMemo } from '../law/law-epoch.js';
import { todayUtc } from '../law/in-force.js';

/** `[established, worstCase]` of every cell, by category then jurisdiction: compact enough to keep for every provider. */
export type ScoreTable = Record<string, Record<string, [number, number]>>;

/** What the service derives from one declaration version, once, when it is stored. */
export interface Analysis {
  categoriesCollected: number;
  modelVersion: string;
  /** The law date the scores apply (the day the analysis was made) and which facts were in force then. */
  lawDate: string;
  lawEpoch: string;
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

/** The score table of a matrix. */
export function scoreTable(cells: readonly { category: string; jurisdiction: string; established: number; worstCase: number }[]): ScoreTable {
  const scores: ScoreTable = {};
  for (const cell of cells) (scores[cell.category] ??= {})[cell.jurisdiction] = [cell.established, cell.worstCase];
  return scores;
}

export function makeAnalyzer(policy: PolicyData): Analyzer<Analysis> {
  // The law epoch depends on the day only: hashed once a day, not once per analysis (a first start makes thousands).
  const epochOf = epochMemo(policy.jurisdictions);
  return (declaration: Declaration, previous: Declaration | undefined): Analysis => {
    const lawDate = todayUtc();
    const result = computeExposure(declaration, policy.jurisdictions, policy.params, { lawDate });
    const summary = summarizeExposure(result, policy.params);
    const disclosure = disclosureScore(declaration);
    const scores = scoreTable(result.cells);
    return {
      categoriesCollected: declaration.dataCategories.filter((c) => c.collected !== 'no').length,
      modelVersion: result.modelVersion,
      lawDate,
      lawEpoch: epochOf(lawDate),
      grade: summary.overall.grade,
      exposureScore: summary.overall.score,
      disclosureScore: disclosure.score,
      disclosure,
      exposure: summary,
      scores,
      findings: findingsOf(declaration, previous, policy.jurisdictions, contentCategoryIds(policy.params), policy.params.categories.map((c) => c.category), policy.params),
    };
  };
}
