import { todayUtc } from '../law/in-force.js';
import { computeExposure } from '../scoring/index.js';
import { scoreTable, type Analysis, type PolicyData } from './analysis.js';
import type { Atlas, LatestEntry } from './atlas.js';
import { byteBoundedCache } from './byte-bounded-cache.js';
import { CompactScores } from './compact-scores.js';
import type { ProviderSummary } from './provider-entry.js';
import { rankProviders, type RankOrder, type Ranking, type ThreatModel } from './ranking.js';

/**
 * Rankings by threat model, order and law date, kept until the next stored version changes the
 * read model. Today's law ranks from the score tables remembered per version (when they were
 * made under the same facts in force); another law date computes each latest version's table
 * for that date once and keeps it in a bounded cache.
 */
export class RankingCache {
  private readonly cache = byteBoundedCache<{ revision: number; ranking: Ranking }>('rankings', 8 * 1024 * 1024);
  private readonly tables = byteBoundedCache<CompactScores>('score-tables', 32 * 1024 * 1024, (t) => t.bytes);

  constructor(
    private readonly atlas: Atlas<Analysis, ProviderSummary>,
    private readonly policy?: PolicyData,
    private readonly epochOf: (date: string) => string = () => '',
  ) {}

  /** A version's score table under the law of `lawDate`: the remembered one when its law epoch matches. */
  tableAt(latest: LatestEntry<ProviderSummary>, lawDate: string): CompactScores {
    const epoch = this.epochOf(lawDate);
    if (!this.policy || latest.summary.lawEpoch === epoch) return latest.summary.scores;
    const key = `${latest.meta.providerId}@${latest.meta.version}@${epoch}`;
    const hit = this.tables.get(key);
    if (hit) return hit;
    const table = CompactScores.of(scoreTable(computeExposure(latest.declaration, this.policy.jurisdictions, this.policy.params, { lawDate }).cells));
    this.tables.set(key, table);
    return table;
  }

  rank(model: ThreatModel, order: RankOrder = 'worst-case', lawDate: string = todayUtc()): Ranking {
    const key = JSON.stringify([model.jurisdictions, model.categories, order, this.epochOf(lawDate)]);
    const hit = this.cache.get(key);
    if (hit && hit.revision === this.atlas.revision) return hit.ranking;
    const ranking = rankProviders(this.atlas.allLatest(), model, order, (l) => this.tableAt(l, lawDate));
    // Entries point at the shared read model; only the ranking's own rows count.
    this.cache.set(key, { revision: this.atlas.revision, ranking }, { size: 64 * (ranking.ranked.length + ranking.undeclared.length) + key.length + 1 });
    return ranking;
  }
}
