import type { Declaration, JurisdictionProfile, ModelParameters } from '../formats/types.generated.js';
import { computeExposure, disclosureScore, gradeFor, summarizeExposure, type DisclosureScore, type ExposureSummary } from '../scoring/index.js';
import { contentCategoryIds } from '../findings/content-categories.js';
import { findingsOf } from '../findings/find-issues.js';
import type { Finding } from '../findings/rule.js';
import type { Analyzer } from './atlas.js';
import { epochMemo, lawKeysMemo } from '../law/law-epoch.js';
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
  /** The law each jurisdiction's column was computed under (src/law/law-epoch.ts `lawKeysMemo`): a column whose key changed is recomputed, the others kept. */
  lawKeys: Record<string, string>;
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

/** A cell of a score table in matrix order (its index breaks ties, as in a summary of the full matrix). */
interface Ranked {
  category: string;
  jurisdiction: string;
  established: number;
  worstCase: number;
  index: number;
}

/** Worse first: by worstCase, then the higher established, then matrix order (the order of `summarizeExposure`). */
const worse = (a: Ranked, b: Ranked) => b.worstCase - a.worstCase || b.established - a.established || a.index - b.index;

/**
 * The summary of a score table, as `summarizeExposure` makes it from the full matrix, in one
 * pass over the cells instead of sorting them three times: a column update keeps most cells
 * and must not pay more for its summary than for the columns it computes.
 */
export function summaryOfScores(scores: ScoreTable, policy: PolicyData, worstCount = 5): ExposureSummary {
  const { params } = policy;
  const codes = policy.jurisdictions.map((p) => p.code as string).sort();
  const worst: Ranked[] = [];
  const byCategory: Ranked[] = [];
  const byJurisdiction: (Ranked | undefined)[] = codes.map(() => undefined);
  // Compares a cell not yet made into a Ranked with one that is (as `worse`): cells are made only when they lead.
  const beats = (worstCase: number, established: number, index: number, b: Ranked) => b.worstCase - worstCase || b.established - established || index - b.index;
  let index = 0;
  for (const { category } of params.categories) {
    const row = scores[category];
    let best: Ranked | undefined;
    for (let j = 0; j < codes.length; j++, index++) {
      const cell = row[codes[j]];
      const established = cell[0];
      const worstCase = cell[1];
      const leadsRow = best === undefined || beats(worstCase, established, index, best) < 0;
      const current = byJurisdiction[j];
      const leadsColumn = current === undefined || beats(worstCase, established, index, current) < 0;
      const among = worst.length < worstCount || beats(worstCase, established, index, worst[worst.length - 1]) < 0;
      if (!leadsRow && !leadsColumn && !among) continue;
      const made: Ranked = { category, jurisdiction: codes[j], established, worstCase, index };
      if (leadsRow) best = made;
      if (leadsColumn) byJurisdiction[j] = made;
      if (among) {
        worst.push(made);
        worst.sort(worse);
        if (worst.length > worstCount) worst.pop();
      }
    }
    if (best) byCategory.push(best);
  }
  const headline = (c: Ranked) => ({ category: c.category, jurisdiction: c.jurisdiction, established: c.established, worstCase: c.worstCase, score: c.worstCase, grade: gradeFor(c.worstCase, params), establishedGrade: gradeFor(c.established, params) }) as ExposureSummary['worstCells'][number];
  const top = worst[0];
  const score = top ? top.worstCase : 0;
  const established = top ? top.established : 0;
  return {
    modelVersion: params.modelVersion,
    overall: { established, worstCase: score, score, grade: gradeFor(score, params), establishedGrade: gradeFor(established, params) },
    worstCells: worst.map(headline),
    byCategory: byCategory.map(headline),
    byJurisdiction: byJurisdiction.map((c) => headline(c!)),
  };
}

/** The jurisdiction codes whose column must be made again: a new key, or none before (a profile added). */
function changedColumns(stale: Pick<Analysis, 'lawKeys'>, keys: Record<string, string>): string[] {
  return Object.keys(keys).filter((code) => stale.lawKeys?.[code] !== keys[code]);
}

/** Whether an analysis was made under today's law for every column, by this model: else `analyze` updates it. */
export function analysisIsCurrent(policy: PolicyData): (analysis: Pick<Analysis, 'modelVersion' | 'lawKeys'>) => boolean {
  const keysOf = lawKeysMemo(policy.jurisdictions);
  return (analysis) => {
    if (analysis.modelVersion !== policy.params.modelVersion || analysis.lawKeys === undefined) return false;
    const keys = keysOf(todayUtc());
    return changedColumns(analysis, keys).length === 0 && Object.keys(analysis.lawKeys).length === Object.keys(keys).length;
  };
}

/**
 * The analyzer of the service. Given `stale` (an analysis of the same version made under other
 * law: other law data, or a date on which facts entered or left force), only the columns whose
 * law changed are computed again — with the union profiles, whose data reaches them — and the
 * others kept; the summary and findings are then made as a full analysis makes them, so the
 * result is the one a full analysis gives. `observe.scored` is told the profiles each scoring
 * of the declaration covers (what a test counts).
 */
export function makeAnalyzer(policy: PolicyData, observe: { scored?: (codes: readonly string[]) => void } = {}): Analyzer<Analysis> {
  // The law epoch depends on the day only: hashed once a day, not once per analysis (a first start makes thousands).
  const epochOf = epochMemo(policy.jurisdictions);
  const keysOf = lawKeysMemo(policy.jurisdictions);
  const analysisOf = (declaration: Declaration, previous: Declaration | undefined, lawDate: string, scores: ScoreTable, summary: ExposureSummary, disclosure: DisclosureScore, findings?: Finding[]): Analysis => {
    const modelVersion = summary.modelVersion;
    return {
      categoriesCollected: declaration.dataCategories.filter((c) => c.collected === 'yes').length,
      modelVersion,
      lawDate,
      lawEpoch: epochOf(lawDate),
      grade: summary.overall.grade,
      exposureScore: summary.overall.score,
      disclosureScore: disclosure.score,
      disclosure,
      exposure: summary,
      scores,
      findings: findings ?? findingsOf(declaration, previous, policy.jurisdictions, contentCategoryIds(policy.params), policy.params.categories.map((c) => c.category), policy.params),
      lawKeys: keysOf(lawDate),
    };
  };
  return (declaration: Declaration, previous: Declaration | undefined, given?: unknown): Analysis => {
    const stale = given as Analysis | undefined;
    const lawDate = todayUtc();
    const keys = keysOf(lawDate);
    const changed = stale && stale.modelVersion === policy.params.modelVersion && stale.lawKeys !== undefined ? changedColumns(stale, keys) : undefined;
    // Partly: fewer than half of the columns changed (a union's change reaches every column: then in full).
    if (changed !== undefined && changed.length * 2 < policy.jurisdictions.length) {
      const wanted = new Set(changed);
      const profiles = policy.jurisdictions.filter((p) => wanted.has(p.code) || p.memberStates !== undefined);
      const made: ScoreTable = {};
      if (changed.length > 0) {
        observe.scored?.(profiles.map((p) => p.code));
        for (const cell of computeExposure(declaration, profiles, policy.params, { lawDate }).cells) {
          if (wanted.has(cell.jurisdiction)) (made[cell.category] ??= {})[cell.jurisdiction] = [cell.established, cell.worstCase];
        }
      }
      // In matrix order, as a full analysis writes them: taxonomy, then code.
      const codes = Object.keys(keys).sort();
      const scores: ScoreTable = {};
      // Every code already in the stale row (no profile added): a copy of that row, in its order, with the new columns set.
      const sameCodes = codes.every((code) => code in stale!.scores[policy.params.categories[0].category]);
      for (const { category } of policy.params.categories) {
        const staleRow = stale!.scores[category];
        if (sameCodes && Object.keys(staleRow).length === codes.length) {
          const row = (scores[category] = { ...staleRow });
          for (const code of changed) row[code] = made[category][code];
          continue;
        }
        const row: Record<string, [number, number]> = (scores[category] = {});
        for (const code of codes) row[code] = wanted.has(code) ? made[category][code] : staleRow[code];
      }
      // The disclosure score reads the declaration only: the stale analysis's holds.
      // The findings too when the stale analysis says they hold under this law data (`keptFindings`, see analysis-codec.ts).
      return analysisOf(declaration, previous, lawDate, scores, summaryOfScores(scores, policy), stale!.disclosure, (stale as { keptFindings?: Finding[] }).keptFindings);
    }
    observe.scored?.(policy.jurisdictions.map((p) => p.code));
    const result = computeExposure(declaration, policy.jurisdictions, policy.params, { lawDate });
    return analysisOf(declaration, previous, lawDate, scoreTable(result.cells), summarizeExposure(result, policy.params), disclosureScore(declaration));
  };
}
