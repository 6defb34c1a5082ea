import { todayUtc } from '../law/in-force.js';
import type { ExplainLevel } from '../scoring/index.js';
import { scoreTable, type Analysis, type PolicyData } from './analysis.js';
import type { Atlas } from './atlas.js';
import { byteBoundedCache } from './byte-bounded-cache.js';
import { CompactScores } from './compact-scores.js';
import type { ProviderSummary } from './provider-entry.js';
import type { ObservationService } from './observation-service.js';
import { scoreAsObserved, type ObservedExposure } from './observed-exposure.js';
import type { RankingCache } from './ranking-cache.js';
import { rankProviders, type RankEntry, type RankedLatest, type RankOrder, type ThreatModel } from './ranking.js';

/** A provider's observed view: what it was applied to, and the result. */
export interface ObservedView {
  providerId: string;
  name: string;
  declaredByProvider: boolean;
  /** The declaration version observations were applied to; absent for a provider that never declared. */
  version?: number;
  asOf: string;
  observed: ObservedExposure;
}

export interface ObservedRankEntry extends RankEntry {
  declaredByProvider: boolean;
  /** Observations applied to this provider's row. */
  observations: number;
}

/**
 * "As observed" for stored providers, through the one scoring function (scoreAsObserved):
 * each provider's latest declaration — or, for a provider that never declared, one that
 * answers nothing — with its active observations in place. Views and score tables are kept
 * in bounded caches, keyed by version, observation revision, law date and model.
 */
export class ObservedReader {
  private readonly views = byteBoundedCache<ObservedView>('observed-views', 32 * 1024 * 1024);
  private readonly tables = byteBoundedCache<CompactScores>('observed-score-tables', 16 * 1024 * 1024, (t) => t.bytes);

  constructor(
    private readonly atlas: Atlas<Analysis, ProviderSummary>,
    private readonly observations: ObservationService,
    private readonly policy: PolicyData,
    private readonly rankings: RankingCache,
  ) {}

  /** Every provider the observed view knows: declared ones and those known only from observations. */
  providerIds(): string[] {
    return [...new Set([...this.atlas.providerIds(), ...this.observations.providerIds()])].sort();
  }

  async of(providerId: string, options: { lawDate?: string; explain?: ExplainLevel } = {}): Promise<ObservedView | undefined> {
    const lawDate = options.lawDate ?? todayUtc();
    const explain = options.explain ?? 'compact';
    const version = this.atlas.latestOf(providerId)?.meta.version;
    const key = `${providerId}@${version ?? 0}@${this.observations.revision}@${lawDate}@${explain}@${this.policy.params.modelVersion}`;
    const hit = this.views.get(key);
    if (hit) return hit;
    const base = await this.observations.baseOf(providerId);
    if (!base) return undefined;
    const observed = scoreAsObserved(base.declaration, this.observations.placed(providerId), this.policy, { lawDate, explain });
    const view: ObservedView = {
      providerId,
      name: base.declaration.provider.name,
      declaredByProvider: base.declaredByProvider,
      ...(version !== undefined ? { version } : {}),
      asOf: base.declaration.asOf,
      observed,
    };
    this.views.set(key, view, { size: 256 * 1024 });
    return view;
  }

  /** The compact score table of a provider as observed; the declared one when nothing is observed. */
  async tableOf(providerId: string, lawDate: string): Promise<CompactScores | undefined> {
    const latest = this.atlas.latestOf(providerId);
    if (latest && this.observations.placed(providerId).length === 0) return this.rankings.tableAt(latest, lawDate);
    const key = `${providerId}@${latest?.meta.version ?? 0}@${this.observations.revision}@${lawDate}@${this.policy.params.modelVersion}`;
    const hit = this.tables.get(key);
    if (hit) return hit;
    const view = await this.of(providerId, { lawDate });
    if (!view) return undefined;
    const table = CompactScores.of(scoreTable(view.observed.result.cells));
    this.tables.set(key, table);
    return table;
  }

  /**
   * Providers ranked as observed, with the same ranking as declarations (shared ranks, the
   * same order); a provider known only from observations takes part, marked
   * `declaredByProvider: false`, ranked by its observed view over a declaration that answers nothing.
   */
  async rank(model: ThreatModel, order: RankOrder, lawDate: string): Promise<{ ranked: ObservedRankEntry[]; undeclared: string[] }> {
    const entries = await Promise.all(this.providerIds().map((id) => this.entryOf(id, lawDate)));
    const tables = new Map(await Promise.all(entries.map(async (e) => [e.meta.providerId, (await this.tableOf(e.meta.providerId, lawDate)) ?? CompactScores.of({})] as const)));
    const { ranked, undeclared } = rankProviders(entries, model, order, (l) => tables.get(l.meta.providerId)!);
    return {
      ranked: ranked.map((r) => ({
        ...r,
        declaredByProvider: this.atlas.latestOf(r.latest.meta.providerId) !== undefined,
        observations: this.observations.placed(r.latest.meta.providerId).length,
      })),
      undeclared,
    };
  }

  /** The read-model entry ranking reads; a provider that never declared gets one built from its observed view. */
  private async entryOf(providerId: string, lawDate: string): Promise<RankedLatest> {
    const latest = this.atlas.latestOf(providerId);
    if (latest) return latest;
    const view = (await this.of(providerId, { lawDate }))!;
    const declaration = view.observed.declaration;
    return {
      meta: { providerId, version: 0, submittedAt: view.asOf, hash: '' },
      summary: { name: declaration.provider.name, asOf: declaration.asOf, disclosureScore: 0, scores: CompactScores.of({}) },
    };
  }
}
