import { indexed } from './facts.js';
import type { ScoringContext } from './scoring-context.js';
import type { CategoryId, Declaration, JurisdictionProfile, ModelParameters } from './types.js';

type Instrument = JurisdictionProfile['instruments'][number];

export interface Posture {
  multiplier: number;
  pointers: string[];
}

const NO_POLICY: Posture = { multiplier: 1, pointers: [] };

/**
 * What the provider says it does when this instrument is used for this category in this
 * jurisdiction: notify the user, insist on a judge. Only policies that name the jurisdiction,
 * the category and a process of the instrument's kind count; among several, the most
 * protective applies (the first of equals). No matching policy (or an undisclosed answer)
 * means no reduction.
 */
export function policyPosture(ctx: ScoringContext, category: CategoryId, code: string, instrument: Instrument): Posture {
  const policies = ctx.policies.get(code);
  if (policies === undefined) return NO_POLICY;
  const p = ctx.params.providerPosture;
  let best = NO_POLICY;
  for (const { policy, at } of policies) {
    const kinds = p.processKinds[policy.process] ?? [];
    if (!policy.categories.includes(category) || !(kinds as string[]).includes(instrument.kind)) continue;
    const review = policy.requiresJudicialReview === true && instrument.judicialReview !== true ? p.requiresJudicialReview.value : 1;
    const m = p.userNotification[policy.userNotification].value * review;
    if (m < best.multiplier) best = { multiplier: m, pointers: [indexed('/legalProcess/policies', at)] };
  }
  return best;
}

/** Multiplier on live instruments from the provider's own real-time interception ability. */
export function liveCapability(decl: Declaration, params: ModelParameters): Posture {
  const answer = decl.legalProcess?.liveInterception;
  const at = '/legalProcess/liveInterception';
  return answer === 'not-supported'
    ? { multiplier: params.providerPosture.liveInterceptionNotSupported.value, pointers: [at] }
    : { multiplier: 1, pointers: [at] };
}
