import { todayUtc } from '../law/in-force.js';
import { LawInForce } from '../law/law-in-force.js';
import { computeExposure, type ExposureResult } from '../scoring/index.js';
import type { Declaration } from '../formats/types.generated.js';
import type { Analysis, PolicyData, ScoreTable } from './analysis.js';
import type { Atlas, LatestEntry } from './atlas.js';
import { byteBoundedCache } from './byte-bounded-cache.js';
import { CompactScores } from './compact-scores.js';
import type { ProviderSummary } from './provider-entry.js';
import { rankEntry, rankProviders, worstCellOf, type RankingPage, type RankOrder, type Ranking, type ThreatModel } from './ranking.js';
import { ScoreColumns } from './score-columns.js';
import { RankingBusyError } from './ranking-busy.js';

/** Scoring between two turns of the event loop while a ranking is made under another law. */
export const RANK_SLICE_MS = 20;
/** How long a request waits for a ranking being made before it is answered busy (the making goes on). */
export const RANK_WAIT_MS = 2000;
/** Rankings made at once under other law; a request for another one beyond is answered busy at once. */
export const RANKS_IN_FLIGHT = 2;

/**
 * Where a large stored version's matrix is made off the event loop (the exposure reader with
 * the draft threads): from `minBytes` of stored text, the columns a ranking under other law
 * needs are read from `of`'s matrix instead of being computed here, in one piece of work that
 * could hold the event loop for a tenth of a second or more.
 */
export interface LargeMatrices {
  minBytes: number;
  of(providerId: string, version: number, lawDate: string): Promise<ExposureResult | undefined>;
}

/** How a caller waits for a ranking not made yet: at most `waitMs`, then RankingBusyError (absent: until it is made). */
export interface RankWait {
  waitMs?: number;
}

/**
 * Rankings by threat model, order and the law in force on a date, kept until the next stored
 * version changes the read model. Results are keyed by the law in force of the columns they
 * read (src/law/law-in-force.ts), not by the date string: two dates on which the selected
 * profiles stand the same share one ranking. Each provider's remembered table (made under the
 * law of its analysis's date) answers for every column whose law is the same on the date
 * asked; only the other columns are computed (with the union profiles, which every column
 * reads), once per version and law, and kept in a bounded cache.
 *
 * Pages of a ranking (`page`) come from a columnar index of the remembered tables, kept
 * current with the read model (writes here and on other replicas): a page costs a few passes
 * over typed arrays, not a sort of every provider. When the index cannot answer (a selected
 * column under other law, tables not in tenths), a page is cut from the whole ranking.
 */
export class RankingCache {
  private readonly cache = byteBoundedCache<{ revision: number; ranking: Ranking }>('rankings', 8 * 1024 * 1024);
  private readonly pages = byteBoundedCache<{ revision: number; page: RankingPage }>('ranking-pages', 4 * 1024 * 1024);
  private readonly tables = byteBoundedCache<CompactScores>('score-tables', 32 * 1024 * 1024, (t) => t.bytes);
  private readonly columns: ScoreColumns<LatestEntry<ProviderSummary>>;
  /** How many indexed tables were made on each law date. */
  private readonly dates = new Map<string, number>();
  /** Rankings being computed: a second request for the same one waits for it instead of computing it again. */
  private readonly computing = new Map<string, { ranking: Promise<Ranking>; started: number; done: number; of: number }>();
  private readonly law: LawInForce | undefined;
  /** How many providers' columns were computed for other law, and how many columns in all (what a test counts). */
  readonly computed = { tables: 0, columns: 0 };

  constructor(
    private readonly atlas: Atlas<Analysis, ProviderSummary>,
    private readonly policy?: PolicyData,
    /** Longest stretch of scoring before the event loop gets a turn (a ranking under another law over thousands of providers takes seconds). */
    private readonly sliceMs = RANK_SLICE_MS,
    private readonly large?: LargeMatrices,
  ) {
    this.law = policy && new LawInForce(policy.jurisdictions);
    const all = atlas.allLatest();
    this.columns = new ScoreColumns(all.length);
    for (const latest of all) this.index(latest);
    atlas.onLatest((latest) => this.index(latest));
  }

  private index(latest: LatestEntry<ProviderSummary>): void {
    const before = this.columns.item(latest.meta.providerId)?.summary.lawDate;
    if (before !== undefined) this.dates.set(before, this.dates.get(before)! - 1);
    if (this.dates.get(before!) === 0) this.dates.delete(before!);
    this.dates.set(latest.summary.lawDate, (this.dates.get(latest.summary.lawDate) ?? 0) + 1);
    this.columns.set(latest.meta.providerId, latest, latest.summary.scores);
  }

  /** The key of the law a ranking by `model` on `lawDate` reads: its selected columns' law. */
  private lawKey(model: ThreatModel, lawDate: string): string {
    return this.law ? this.law.columnsKey(lawDate, model.jurisdictions) : '';
  }

  /** Whether a table made on `madeOn` holds the selected columns as they stand on `lawDate`. */
  private holds(madeOn: string, lawDate: string, model: ThreatModel): boolean {
    return !this.law || madeOn === lawDate || this.law.columnsKey(madeOn, model.jurisdictions) === this.law.columnsKey(lawDate, model.jurisdictions);
  }

  /** Positions `offset` to `offset + limit` of the ranking, with its total and the providers without a selected cell. */
  async page(model: ThreatModel, order: RankOrder = 'worst-case', lawDate: string = todayUtc(), offset = 0, limit = 50, wait: RankWait = {}): Promise<RankingPage> {
    const indexed = this.columns.exact && [...this.dates.keys()].every((madeOn) => this.holds(madeOn, lawDate, model));
    if (!indexed) {
      const { ranked, undeclared } = await this.rank(model, order, lawDate, wait);
      return { items: ranked.slice(offset, offset + limit), total: ranked.length, undeclared };
    }
    const key = JSON.stringify([model.jurisdictions, model.categories, order, this.lawKey(model, lawDate), offset, limit]);
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

  /**
   * A version's score table under the law of `lawDate`: the remembered one when every column
   * stands the same on that date as on the date it was made; else the remembered one with the
   * columns whose law differs computed again (with the union profiles), kept per version and law.
   */
  async tableAt(latest: LatestEntry<ProviderSummary>, lawDate: string): Promise<CompactScores> {
    const law = this.law;
    if (!law || !this.policy || latest.summary.lawDate === lawDate) return latest.summary.scores;
    const changed = law.changedColumns(latest.summary.lawDate, lawDate);
    if (changed.length === 0) return latest.summary.scores;
    const key = `${latest.meta.providerId}@${latest.meta.version}@${law.columnsKey(lawDate)}`;
    const hit = this.tables.get(key);
    if (hit) return hit;
    const table = CompactScores.of((await this.largeTable(latest, changed, lawDate)) ?? withColumns(latest.summary.scores, changed, (await this.atlas.declarationAt(latest.meta.providerId, latest.meta.version))!, this.policy, lawDate));
    this.computed.tables++;
    this.computed.columns += changed.length;
    this.tables.set(key, table);
    return table;
  }

  /** A large version's table with the `changed` columns read from its matrix made off the event loop; undefined for a small one. */
  private async largeTable(latest: LatestEntry<ProviderSummary>, changed: string[], lawDate: string): Promise<ScoreTable | undefined> {
    if (!this.large) return undefined;
    const record = await this.atlas.record(latest.meta.providerId, latest.meta.version);
    if (!record || Buffer.byteLength(record.body, 'utf8') < this.large.minBytes) return undefined;
    const matrix = await this.large.of(latest.meta.providerId, latest.meta.version, lawDate);
    if (!matrix) return undefined;
    const wanted = new Set(changed);
    const table = latest.summary.scores.toTable();
    for (const cell of matrix.cells) if (wanted.has(cell.jurisdiction)) table[cell.category][cell.jurisdiction] = [cell.established, cell.worstCase];
    return table;
  }

  /**
   * The whole ranking. One not made yet is made in slices (see `compute`), once for concurrent
   * requests; with `wait.waitMs`, a caller waits at most that long and is then refused with
   * RankingBusyError (its Retry-After estimated from the progress so far) while the making goes
   * on — as it is at once when RANKS_IN_FLIGHT others are being made.
   */
  async rank(model: ThreatModel, order: RankOrder = 'worst-case', lawDate: string = todayUtc(), wait: RankWait = {}): Promise<Ranking> {
    const key = JSON.stringify([model.jurisdictions, model.categories, order, this.lawKey(model, lawDate)]);
    const revision = this.atlas.revision;
    const hit = this.cache.get(key);
    if (hit && hit.revision === revision) return hit.ranking;
    const flight = `${revision}|${key}`;
    let running = this.computing.get(flight);
    if (!running) {
      if (wait.waitMs !== undefined && this.computing.size >= RANKS_IN_FLIGHT) {
        throw new RankingBusyError(this.retryAfter(), `${this.computing.size} rankings under other law dates are being made; this one was not started. Ask again after the time in Retry-After.`);
      }
      const progress = { ranking: undefined as unknown as Promise<Ranking>, started: performance.now(), done: 0, of: 0 };
      progress.ranking = this.compute(model, order, lawDate, key, revision, progress).finally(() => this.computing.delete(flight));
      progress.ranking.catch(() => undefined); // a caller that stopped waiting does not leave it unhandled
      this.computing.set(flight, (running = progress));
    }
    if (wait.waitMs === undefined) return running.ranking;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), wait.waitMs)));
    const made = await Promise.race([running.ranking, timeout]).finally(() => clearTimeout(timer));
    if (made !== 'late') return made;
    throw new RankingBusyError(this.retryAfter(running), `This ranking under the law of ${lawDate} is being made (${running.done} of ${running.of} providers scored); it is answered once made. Ask again after the time in Retry-After.`);
  }

  /** Seconds until a ranking being made is likely done, from its progress (1 to 60). */
  private retryAfter(running?: { started: number; done: number; of: number }): number {
    if (!running || running.done === 0) return 5;
    const elapsed = (performance.now() - running.started) / 1000;
    return Math.min(60, Math.max(1, Math.ceil((elapsed / running.done) * (running.of - running.done))));
  }

  /**
   * Scores every latest version whose selected columns stand differently on `lawDate` than on
   * the date its table was made (declarations read a batch at a time, in parallel), in slices of at most `sliceMs` of work with a turn of the
   * event loop between them: other requests are answered while a ranking of thousands of
   * providers is made.
   */
  private async compute(model: ThreatModel, order: RankOrder, lawDate: string, key: string, revision: number, progress: { done: number; of: number }): Promise<Ranking> {
    const all = this.atlas.allLatest();
    const other = this.policy ? all.filter((l) => !this.holds(l.summary.lawDate, lawDate, model)) : [];
    progress.of = other.length;
    const tables = new Map<string, CompactScores>();
    let slice = performance.now();
    for (let start = 0; start < other.length; start += 64) {
      const batch = other.slice(start, start + 64);
      await Promise.all(batch.map((l) => this.atlas.declarationAt(l.meta.providerId, l.meta.version)));
      for (const l of batch) {
        tables.set(l.meta.providerId, await this.tableAt(l, lawDate));
        progress.done++;
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

/**
 * `scores` with the columns `changed` computed for `lawDate` (with the union profiles, whose
 * law reaches every column): the table a full computation gives, since a column reads only its
 * own profile and the unions.
 */
function withColumns(scores: CompactScores, changed: string[], declaration: Declaration, policy: PolicyData, lawDate: string): ScoreTable {
  const wanted = new Set(changed);
  const table = scores.toTable();
  const profiles = policy.jurisdictions.filter((p) => wanted.has(p.code) || p.memberStates !== undefined);
  for (const cell of computeExposure(declaration, profiles, policy.params, { lawDate }).cells) {
    if (wanted.has(cell.jurisdiction)) table[cell.category][cell.jurisdiction] = [cell.established, cell.worstCase];
  }
  return table;
}
