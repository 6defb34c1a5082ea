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

export interface Ranking {
  ranked: Omit<RankedProvider, 'rank' | 'grade'>[];
  /** Providers whose declaration has none of the selected categories: no cell to rank by. */
  undeclared: string[];
}

/**
 * Ranks providers worst-first for a threat model ("message content, as seen from CN"):
 * each provider is placed by its worst cell among the selected ones; ties go by id so
 * the order is stable. Reads only the compact score tables kept per latest version.
 */
export function rankProviders(latest: LatestVersion<Analysis>[], model: ThreatModel): Ranking {
  const ranked: Ranking['ranked'] = [];
  const undeclared: string[] = [];
  for (const { meta, declaration, analysis } of latest) {
    let worst: { score: number; category: string; jurisdiction: string } | undefined;
    const categories = model.categories.length > 0 ? model.categories : Object.keys(analysis.scores);
    for (const category of categories) {
      const row = analysis.scores[category];
      if (!row) continue;
      const jurisdictions = model.jurisdictions.length > 0 ? model.jurisdictions : Object.keys(row);
      for (const jurisdiction of jurisdictions) {
        const score = row[jurisdiction];
        if (score !== undefined && (!worst || score > worst.score)) worst = { score, category, jurisdiction };
      }
    }
    if (!worst) {
      undeclared.push(meta.providerId);
      continue;
    }
    ranked.push({
      providerId: meta.providerId,
      name: declaration.provider.name,
      latestVersion: meta.version,
      score: worst.score,
      worstCell: { category: worst.category, jurisdiction: worst.jurisdiction },
      disclosureScore: analysis.disclosureScore,
    });
  }
  ranked.sort((a, b) => b.score - a.score || (a.providerId < b.providerId ? -1 : 1));
  return { ranked, undeclared };
}
