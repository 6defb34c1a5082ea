import type { Analysis } from './analysis.js';
import type { LatestEntry } from './atlas.js';
import type { CompactScores } from './compact-scores.js';
import type { ProviderSummary } from './provider-entry.js';

/** What ranking reads of a provider: the read model's compact entry. */
export type RankedLatest = Pick<LatestEntry<Pick<ProviderSummary, 'name' | 'asOf' | 'disclosureScore' | 'scores'>>, 'meta' | 'summary'>;

export interface ThreatModel {
  /** Jurisdiction codes; empty means every profile. */
  jurisdictions: string[];
  /** Category ids; empty means every category. */
  categories: string[];
}

/** Rank by the worst case (default: silence never improves a rank) or by what is established. */
export type RankOrder = 'worst-case' | 'established';

export interface RankedProvider {
  rank: number;
  providerId: string;
  name: string;
  latestVersion: number;
  /** Bounds of the provider's worst selected cell. */
  established: number;
  worstCase: number;
  /** Equals `worstCase`. */
  score: number;
  grade: Analysis['grade'];
  establishedGrade: Analysis['grade'];
  worstCell: { category: string; jurisdiction: string };
  disclosureScore: number;
}

/** One provider's place: its read model and its worst selected cell. Cheap to make for thousands. */
export interface RankEntry {
  latest: RankedLatest;
  /** 1 + the number of providers strictly ahead on the order's bound: ties share a rank. */
  rank: number;
  established: number;
  worstCase: number;
  score: number;
  category: string;
  jurisdiction: string;
}

export interface Ranking {
  /** Worst first by the order's bound, then by the other bound, then by provider id. */
  ranked: RankEntry[];
  /** Providers whose declaration has none of the selected categories: no cell to rank by. */
  undeclared: string[];
}

/** A page of a ranking: what `GET /v1/exposure` answers. */
export interface RankingPage {
  /** The page's providers, worst first (ranks as in the whole ranking). */
  items: RankEntry[];
  /** How many providers are ranked (have a selected cell). */
  total: number;
  /** Providers without a selected cell, in id order. */
  undeclared: string[];
}

/** The row a reader sees for a ranked provider (grades are added by the caller). */
export function rankedProvider({ latest, rank, established, worstCase, category, jurisdiction }: RankEntry): Omit<RankedProvider, 'grade' | 'establishedGrade'> {
  return {
    rank,
    providerId: latest.meta.providerId,
    name: latest.summary.name,
    latestVersion: latest.meta.version,
    established,
    worstCase,
    score: worstCase,
    worstCell: { category, jurisdiction },
    disclosureScore: latest.summary.disclosureScore,
  };
}

/**
 * The index of a table's worst selected cell on the order's bound, or -1 when it has none:
 * among cells tied there, the one with the higher other bound; among cells tied on both, the
 * first in the model's order (categories, then jurisdictions; the table's order when none).
 */
export function worstCellOf(scores: CompactScores, model: ThreatModel, order: RankOrder = 'worst-case'): number {
  const primary = order === 'established';
  const { categories, jurisdictions } = scores.layout;
  let best = -1;
  let bestKey = 0;
  let bestOther = 0;
  for (const category of model.categories.length > 0 ? model.categories : categories) {
    for (const jurisdiction of model.jurisdictions.length > 0 ? model.jurisdictions : jurisdictions) {
      const i = scores.indexOf(category, jurisdiction);
      if (!scores.has(i)) continue;
      const key = primary ? scores.establishedAt(i) : scores.worstCaseAt(i);
      const other = primary ? scores.worstCaseAt(i) : scores.establishedAt(i);
      if (best < 0 || key > bestKey || (key === bestKey && other > bestOther)) [best, bestKey, bestOther] = [i, key, other];
    }
  }
  return best;
}

/** A provider's place by the cell `best` of its table. */
export function rankEntry(latest: RankedLatest, scores: CompactScores, best: number, rank: number): RankEntry {
  const { categories, jurisdictions } = scores.layout;
  const worstCase = scores.worstCaseAt(best);
  return {
    latest,
    rank,
    established: scores.establishedAt(best),
    worstCase,
    score: worstCase,
    category: categories[Math.floor(best / jurisdictions.length)],
    jurisdiction: jurisdictions[best % jurisdictions.length],
  };
}

/**
 * Ranks providers worst-first for a threat model ("message content, as seen from CN"): each
 * provider is placed by its worst selected cell on the order's bound; among cells tied there,
 * the one with the higher other bound is its worst (so CN, where a licensee is known to filter,
 * not AU, where only silence widens the range). `tables` gives each provider's score table
 * (the remembered one for today's law, or one computed for another law date).
 */
export function rankProviders<L extends RankedLatest>(
  latest: L[],
  model: ThreatModel,
  order: RankOrder = 'worst-case',
  tables: (l: L) => CompactScores = (l) => l.summary.scores,
): Ranking {
  const primary = order === 'established';
  const ranked: RankEntry[] = [];
  const undeclared: string[] = [];
  for (const entry of latest) {
    const scores = tables(entry);
    const best = worstCellOf(scores, model, order);
    if (best < 0) {
      undeclared.push(entry.meta.providerId);
      continue;
    }
    ranked.push(rankEntry(entry, scores, best, 0));
  }
  const primaryIsWorst = !primary;
  const key = (r: RankEntry) => (primaryIsWorst ? r.worstCase : r.established);
  const other = (r: RankEntry) => (primaryIsWorst ? r.established : r.worstCase);
  // `latest` comes in provider-id order and the sort is stable, so full ties stay in id order.
  ranked.sort((a, b) => key(b) - key(a) || other(b) - other(a));
  ranked.forEach((r, i) => (r.rank = i > 0 && key(ranked[i - 1]) === key(r) ? ranked[i - 1].rank : i + 1));
  return { ranked, undeclared };
}
