import { todayUtc } from '../law/in-force.js';
import { computeExposure } from '../scoring/index.js';
import { scoreTable, type Analysis, type PolicyData } from './analysis.js';
import type { Atlas, LatestEntry } from './atlas.js';
import { byteBoundedCache } from './byte-bounded-cache.js';
import { CompactScores } from './compact-scores.js';
import type { ProviderSummary } from './provider-entry.js';
import { rankEntry, rankProviders, worstCellOf, type RankingPage, type RankOrder, type Ranking, type ThreatModel } from './ranking.js';
import { ScoreColumns } from './score-columns.js';

/**
 * Rankings by threat model, order and law date, kept until the next stored version changes the
 * read model. Today's law ranks from the score tables remembered per version (when they were
 * made under the same facts in force); another law date computes each latest version's table
 * for that date once and keeps it in a bounded cache.
 *
 * Pages of a ranking (`page`) come from a columnar index of the remembered tables, kept
 * current with the read model (writes here and on other replicas): a page costs a few passes
 * over typed arrays, not a sort of every provider. When the index cannot answer (another law
 * epoch, tables not in tenths), a page is cut from the whole ranking.
 */
export class RankingCache {
  private readonly cache = byteBoundedCache<{ revision: number; ranking: Ranking }>('rankings', 8 * 1024 * 1024);
  private readonly pages = byteBoundedCache<{ revision: number; page: RankingPage }>('ranking-pages', 4 * 1024 * 1024);
  private readonly tables = byteBoundedCache<CompactScores>('score-tables', 32 * 1024 * 1024, (t) => t.bytes);
  private readonly columns: ScoreColumns<LatestEntry<ProviderSummary>>;
  /** How many indexed tables were made under each law epoch. */
  private readonly epochs = new Map<string, number>();

  constructor(
    private readonly atlas: Atlas<Analysis, ProviderSummary>,
    private readonly policy?: PolicyData,
    private readonly epochOf: (date: string) => string = () => '',
  ) {
    const all = atlas.allLatest();
    this.columns = new ScoreColumns(all.length);
    for (const latest of all) this.index(latest);
    atlas.onLatest((latest) => this.index(latest));
  }

  private index(latest: LatestEntry<ProviderSummary>): void {
    const before = this.columns.item(latest.meta.providerId)?.summary.lawEpoch;
    if (before !== undefined) this.epochs.set(before, this.epochs.get(before)! - 1);
    this.epochs.set(latest.summary.lawEpoch, (this.epochs.get(latest.summary.lawEpoch) ?? 0) + 1);
    this.columns.set(latest.meta.providerId, latest, latest.summary.scores);
  }

  /** Positions `offset` to `offset + limit` of the ranking, with its total and the providers without a selected cell. */
  async page(model: ThreatModel, order: RankOrder = 'worst-case', lawDate: string = todayUtc(), offset = 0, limit = 50): Promise<RankingPage> {
    const epoch = this.epochOf(lawDate);
    const indexed = this.columns.exact && (!this.policy || (this.epochs.get(epoch) ?? 0) === this.columns.size);
    if (!indexed) {
      const { ranked, undeclared } = await this.rank(model, order, lawDate);
      return { items: ranked.slice(offset, offset + limit), total: ranked.length, undeclared };
    }
    const key = JSON.stringify([model.jurisdictions, model.categories, order, epoch, offset, limit]);
    const revision = this.atlas.revision;
    const hit = this.pages.get(key);
    if (hit && hit.revision === revision) return hit.page;
    const selected = this.columns.select(model.categories.length > 0 ? model.categories : undefined, model.jurisdictions.length > 0 ? model.jurisdictions : undefined);
    const { rows, ranks, total, undeclared } = this.columns.page(selected, order === 'established', offset, limit);
    const items = rows.map(({ row }, i) => {
      const latest = this.columns.itemAt(row);
      return rankEntry(latest, latest.summary.scores, worstCellOf(latest.summary.scores, model, order), ranks[i]);
    });
    const page = { items, total, undeclared };
    this.pages.set(key, { revision, page }, { size: 160 * items.length + 48 * undeclared.length + key.length + 1 });
    return page;
  }

  /** A version's score table under the law of `lawDate`: the remembered one when its law epoch matches. */
  async tableAt(latest: LatestEntry<ProviderSummary>, lawDate: string): Promise<CompactScores> {
    const epoch = this.epochOf(lawDate);
    if (!this.policy || latest.summary.lawEpoch === epoch) return latest.summary.scores;
    const key = `${latest.meta.providerId}@${latest.meta.version}@${epoch}`;
    const hit = this.tables.get(key);
    if (hit) return hit;
    const declaration = (await this.atlas.declarationAt(latest.meta.providerId, latest.meta.version))!;
    const table = CompactScores.of(scoreTable(computeExposure(declaration, this.policy.jurisdictions, this.policy.params, { lawDate }).cells));
    this.tables.set(key, table);
    return table;
  }

  async rank(model: ThreatModel, order: RankOrder = 'worst-case', lawDate: string = todayUtc()): Promise<Ranking> {
    const epoch = this.epochOf(lawDate);
    const key = JSON.stringify([model.jurisdictions, model.categories, order, epoch]);
    const revision = this.atlas.revision;
    const hit = this.cache.get(key);
    if (hit && hit.revision === revision) return hit.ranking;
    const all = this.atlas.allLatest();
    // Tables under another law than the remembered one: computed from declarations read on demand, a batch at a time.
    const other = this.policy ? all.filter((l) => l.summary.lawEpoch !== epoch) : [];
    const tables = new Map<string, CompactScores>();
    for (let start = 0; start < other.length; start += 64) {
      const batch = other.slice(start, start + 64);
      const made = await Promise.all(batch.map((l) => this.tableAt(l, lawDate)));
      batch.forEach((l, i) => tables.set(l.meta.providerId, made[i]));
    }
    const ranking = rankProviders(all, model, order, (l) => tables.get(l.meta.providerId) ?? l.summary.scores);
    // Entries point at the shared read model; only the ranking's own rows count (about 96 bytes of heap each).
    this.cache.set(key, { revision, ranking }, { size: 96 * (ranking.ranked.length + ranking.undeclared.length) + key.length + 1 });
    return ranking;
  }
}
