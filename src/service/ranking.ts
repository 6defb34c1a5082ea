import type { Analysis } from './analysis.js';
import type { LatestVersion } from './atlas.js';

export interface ThreatModel {
  /** Jurisdiction codes; empty means every profile. */
  jurisdictions: string[];
  /** Category ids; empty means every category. */
  categories: string[];
}

export interface RankedProvider {
  rank: number;
  providerId: string;
  name: string;
  latestVersion: number;
  /** The worst score among the selected cells. */
  score: number;
  grade: Analysis['grade'];
  worstCell: { category: string; jurisdiction: string };
  disclosureScore: number;
}

/** One provider's place: its read model and its worst selected cell. Cheap to make for thousands. */
export interface RankEntry {
  latest: LatestVersion<Analysis>;
  score: number;
  category: string;
  jurisdiction: string;
}

export interface Ranking {
  /** Worst first; ties in provider-id order. */
  ranked: RankEntry[];
  /** Providers whose declaration has none of the selected categories: no cell to rank by. */
  undeclared: string[];
}

/** The row a reader sees for a ranked provider (rank and grade are added by the caller). */
export function rankedProvider({ latest, score, category, jurisdiction }: RankEntry): Omit<RankedProvider, 'rank' | 'grade'> {
  return {
    providerId: latest.meta.providerId,
    name: latest.declaration.provider.name,
    latestVersion: latest.meta.version,
    score,
    worstCell: { category, jurisdiction },
    disclosureScore: latest.analysis.disclosureScore,
  };
}

/**
 * Ranks providers worst-first for a threat model ("message content, as seen from CN"):
 * each provider is placed by its worst cell among the selected ones; ties go by id so
 * the order is stable. Reads only the compact score tables kept per latest version, and
 * builds full rows only for the page a caller shows.
 */
export function rankProviders(latest: LatestVersion<Analysis>[], model: ThreatModel): Ranking {
  const ranked: RankEntry[] = [];
  const undeclared: string[] = [];
  for (const entry of latest) {
    const scores = entry.analysis.scores;
    let best: RankEntry | undefined;
    const categories = model.categories.length > 0 ? model.categories : Object.keys(scores);
    for (const category of categories) {
      const row = scores[category];
      if (!row) continue;
      const jurisdictions = model.jurisdictions.length > 0 ? model.jurisdictions : Object.keys(row);
      for (const jurisdiction of jurisdictions) {
        const score = row[jurisdiction];
        if (score !== undefined && (!best || score > best.score)) best = { latest: entry, score, category, jurisdiction };
      }
    }
    if (best) ranked.push(best);
    else undeclared.push(entry.meta.providerId);
  }
  // `latest` comes in provider-id order and the sort is stable, so ties stay in id order.
  ranked.sort((a, b) => b.score - a.score);
  return { ranked, undeclared };
}
