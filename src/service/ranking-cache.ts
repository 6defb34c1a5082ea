import type { Analysis } from './analysis.js';
import type { Atlas } from './atlas.js';
import { byteBoundedCache } from './byte-bounded-cache.js';
import { rankProviders, type Ranking, type ThreatModel } from './ranking.js';

/**
 * Rankings by threat model, kept until the next stored version changes the read model.
 * Groups tend to ask the same few questions ("message content, as seen from CN"), so
 * most requests are answered without touching the providers at all.
 */
export class RankingCache {
  private readonly cache = byteBoundedCache<{ revision: number; ranking: Ranking }>('rankings', 8 * 1024 * 1024);

  constructor(private readonly atlas: Atlas<Analysis>) {}

  rank(model: ThreatModel): Ranking {
    const key = JSON.stringify([model.jurisdictions, model.categories]);
    const hit = this.cache.get(key);
    if (hit && hit.revision === this.atlas.revision) return hit.ranking;
    const ranking = rankProviders(this.atlas.allLatest(), model);
    // Entries point at the shared read model; only the ranking's own rows count.
    this.cache.set(key, { revision: this.atlas.revision, ranking }, { size: 64 * (ranking.ranked.length + ranking.undeclared.length) + key.length + 1 });
    return ranking;
  }
}
