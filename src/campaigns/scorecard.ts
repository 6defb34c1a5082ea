import { unansweredQuestion } from '../findings/rules/unanswered-question.js';
import { runRules } from '../findings/run-rules.js';
import type { Declaration } from '../formats/types.generated.js';
import { expandPointers, names } from './ask-places.js';
import type { CurrentCampaign } from './campaign-record.js';

export type AskState = 'answered' | 'partly' | 'unanswered';

/** One stored version as the scorecard judges it: its declaration and its mean range width. */
export interface JudgedVersion {
  version: number;
  submittedAt: string;
  declaration: Declaration;
  /** Mean of worstCase − established over its cells at the scorecard's law date. */
  width: number;
}

/** What the scorecard needs of one provider the campaign was sent to. */
export interface CampaignProvider {
  providerId: string;
  declaredByProvider: boolean;
  /** Its latest version submitted on or before `sentOn`. */
  atSentOn?: JudgedVersion;
  latest?: JudgedVersion;
}

export interface ScorecardRow {
  providerId: string;
  askId: string;
  state: AskState;
  stateAtSentOn: AskState;
  overdue: boolean;
  /** The ask's places the latest declaration leaves unanswered (key-addressed). */
  unanswered: string[];
}

export interface ScorecardProvider {
  providerId: string;
  declaredByProvider: boolean;
  versionAtSentOn: number | null;
  latestVersion: number | null;
  narrowing: { widthAtSentOn: number | null; widthNow: number | null };
}

export interface Scorecard {
  campaign: CurrentCampaign;
  lawDate: string;
  rows: ScorecardRow[];
  providers: ScorecardProvider[];
}

/** The pointers (by index) of a declaration's unanswered-question warnings. */
export function unansweredPointers(declaration: Declaration, taxonomy: readonly string[]): string[] {
  return runRules([unansweredQuestion], { declaration, changes: [], jurisdictions: [], contentCategories: new Set(), taxonomy }).flatMap((f) => f.pointers);
}

/**
 * How one declaration answers one ask: `answered` when no unanswered-question warning names
 * any of its places or anything under them, `unanswered` when every place is named (or
 * there is no declaration), `partly` otherwise; with the places left unanswered.
 */
export function judgeAsk(pointers: readonly string[], declaration: Declaration | undefined, warnings: readonly string[], taxonomy: readonly string[]): { state: AskState; unanswered: string[] } {
  const places = expandPointers(pointers, declaration, taxonomy);
  if (!declaration) return { state: 'unanswered', unanswered: places.map((p) => p.pointer) };
  const open = places.filter((p) => warnings.some((w) => names(w, p)));
  const state: AskState = open.length === 0 ? 'answered' : open.length === places.length ? 'unanswered' : 'partly';
  return { state, unanswered: open.map((p) => p.pointer) };
}

const round = (x: number) => Math.round(x * 10) / 10;

/**
 * The scorecard of a campaign: every ask for every provider, judged on the latest version
 * (`state`) and on the latest one submitted on or before `sentOn` (`stateAtSentOn`);
 * `overdue` once `replyDueBy` has passed (before `today`) with the ask not answered; and how
 * much each provider's ranges narrowed since the asks were sent. Pure.
 */
export function scorecard(campaign: CurrentCampaign, providers: CampaignProvider[], taxonomy: readonly string[], lawDate: string, today: string): Scorecard {
  const rows: ScorecardRow[] = [];
  const due = campaign.replyDueBy < today;
  for (const p of providers) {
    const nowWarnings = p.latest ? unansweredPointers(p.latest.declaration, taxonomy) : [];
    const thenWarnings = p.atSentOn ? unansweredPointers(p.atSentOn.declaration, taxonomy) : [];
    for (const ask of campaign.asks) {
      const now = judgeAsk(ask.pointers, p.latest?.declaration, nowWarnings, taxonomy);
      const then = judgeAsk(ask.pointers, p.atSentOn?.declaration, thenWarnings, taxonomy);
      rows.push({ providerId: p.providerId, askId: ask.id, state: now.state, stateAtSentOn: then.state, overdue: due && now.state !== 'answered', unanswered: now.unanswered });
    }
  }
  return {
    campaign,
    lawDate,
    rows,
    providers: providers.map((p) => ({
      providerId: p.providerId,
      declaredByProvider: p.declaredByProvider,
      versionAtSentOn: p.atSentOn?.version ?? null,
      latestVersion: p.latest?.version ?? null,
      narrowing: { widthAtSentOn: p.atSentOn ? round(p.atSentOn.width) : null, widthNow: p.latest ? round(p.latest.width) : null },
    })),
  };
}
