import type { Analysis, ScoreTable } from './analysis.js';
import type { LatestVersion } from './atlas.js';

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
  latest: LatestVersion<Analysis>;
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

/** The row a reader sees for a ranked provider (grades are added by the caller). */
export function rankedProvider({ latest, rank, established, worstCase, category, jurisdiction }: RankEntry): Omit<RankedProvider, 'grade' | 'establishedGrade'> {
  return {
    rank,
    providerId: latest.meta.providerId,
    name: latest.declaration.provider.name,
    latestVersion: latest.meta.version,
    established,
    worstCase,
    score: worstCase,
    worstCell: { category, jurisdiction },
    disclosureScore: latest.analysis.disclosureScore,
  };
}

/**
 * Ranks providers worst-first for a threat model ("message content, as seen from CN"): each
 * provider is placed by its worst selected cell on the order's bound; among cells tied there,
 * the one with the higher other bound is its worst (so CN, where a licensee is known to filter,
 * not AU, where only silence widens the range). `tables` gives each provider's score table
 * (the remembered one for today's law, or one computed for another law date).
 */
export function rankProviders(latest: LatestVersion<Analysis>[], model: ThreatModel, order: RankOrder = 'worst-case', tables: (l: LatestVersion<Analysis>) => ScoreTable = (l) => l.analysis.scores): Ranking {
  const primary = order === 'established' ? 0 : 1;
  const secondary = 1 - primary;
  const ranked: RankEntry[] = [];
  const undeclared: string[] = [];
  for (const entry of latest) {
    const scores = tables(entry);
    let best: [number, number] | undefined;
    let at = { category: '', jurisdiction: '' };
    const categories = model.categories.length > 0 ? model.categories : Object.keys(scores);
    for (const category of categories) {
      const row = scores[category];
      if (!row) continue;
      const jurisdictions = model.jurisdictions.length > 0 ? model.jurisdictions : Object.keys(row);
      for (const jurisdiction of jurisdictions) {
        const cell = row[jurisdiction];
        if (cell === undefined) continue;
        if (!best || cell[primary] > best[primary] || (cell[primary] === best[primary] && cell[secondary] > best[secondary])) {
          best = cell;
          at = { category, jurisdiction };
        }
      }
    }
    if (best) ranked.push({ latest: entry, rank: 0, established: best[0], worstCase: best[1], score: best[1], ...at });
    else undeclared.push(entry.meta.providerId);
  }
  const key = (r: RankEntry) => (primary === 1 ? r.worstCase : r.established);
  const other = (r: RankEntry) => (primary === 1 ? r.established : r.worstCase);
  // `latest` comes in provider-id order and the sort is stable, so full ties stay in id order.
  ranked.sort((a, b) => key(b) - key(a) || other(b) - other(a));
  ranked.forEach((r, i) => (r.rank = i > 0 && key(ranked[i - 1]) === key(r) ? ranked[i - 1].rank : i + 1));
  return { ranked, undeclared };
}
