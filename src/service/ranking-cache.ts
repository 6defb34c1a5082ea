import { todayUtc } from '../law/in-force.js';
import { computeExposure } from '../scoring/index.js';
import { scoreTable, type Analysis, type PolicyData } from './analysis.js';
import type { Atlas, LatestEntry } from './atlas.js';
import { byteBoundedCache } from './byte-bounded-cache.js';
import { CompactScores } from './compact-scores.js';
import type { ProviderSummary } from './provider-entry.js';
import { rankEntry, rankProviders, worstCellOf, type RankingPage, type RankOrder, type Ranking, type ThreatModel } from './ranking.js';
import { ScoreColumns } from './score-columns.js';

/** Scoring between two turns of the event loop while a ranking is made under another law. */
export const RANK_SLICE_MS = 20;

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
  /** Rankings being computed: a second request for the same one waits for it instead of computing it again. */
  private readonly computing = new Map<string, Promise<Ranking>>();

  constructor(
    private readonly atlas: Atlas<Analysis, ProviderSummary>,
    private readonly policy?: PolicyData,
    private readonly epochOf: (date: string) => string = () => '',
    /** Longest stretch of scoring before the event loop gets a turn (a ranking under another law over thousands of providers takes seconds). */
    private readonly sliceMs = RANK_SLICE_MS,
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
    const flight = `${revision}|${key}`;
    const running = this.computing.get(flight);
    if (running) return running;
    const computed = this.compute(model, order, lawDate, epoch, key, revision).finally(() => this.computing.delete(flight));
    this.computing.set(flight, computed);
    return computed;
  }

  /**
   * Scores every latest version not remembered under `epoch` for that law (declarations read a
   * batch at a time, in parallel), in slices of at most `sliceMs` of work with a turn of the
   * event loop between them: other requests are answered while a ranking of thousands of
   * providers is made.
   */
  private async compute(model: ThreatModel, order: RankOrder, lawDate: string, epoch: string, key: string, revision: number): Promise<Ranking> {
    const all = this.atlas.allLatest();
    const other = this.policy ? all.filter((l) => l.summary.lawEpoch !== epoch) : [];
    const tables = new Map<string, CompactScores>();
    let slice = performance.now();
    for (let start = 0; start < other.length; start += 64) {
      const batch = other.slice(start, start + 64);
      await Promise.all(batch.map((l) => this.atlas.declarationAt(l.meta.providerId, l.meta.version)));
      for (const l of batch) {
        tables.set(l.meta.providerId, await this.tableAt(l, lawDate));
        if (performance.now() - slice >= this.sliceMs) {
          await new Promise((resolve) => setImmediate(resolve));
          slice = performance.now();
        }
      }
    }
    const ranking = rankProviders(all, model, order, (l) => tables.get(l.meta.providerId) ?? l.summary.scores);
    // Entries point at the shared read model; only the ranking's own rows count (about 96 bytes of heap each).
    this.cache.set(key, { revision, ranking }, { size: 96 * (ranking.ranked.length + ranking.undeclared.length) + key.length + 1 });
    return ranking;
  }
}
