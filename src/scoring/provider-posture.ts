import { pointer } from '../formats/json-pointer.js';
import type { CategoryId, Declaration, JurisdictionProfile, ModelParameters } from './types.js';

type Instrument = JurisdictionProfile['instruments'][number];

export interface Posture {
  multiplier: number;
  pointers: string[];
}

/**
 * What the provider says it does when this instrument is used for this category in this
 * jurisdiction: notify the user, insist on a judge. Only policies that name the jurisdiction,
 * the category and a process of the instrument's kind count; among several, the most
 * protective applies. No matching policy (or an undisclosed answer) means no reduction.
 */
export function policyPosture(decl: Declaration, category: CategoryId, code: string, instrument: Instrument, params: ModelParameters): Posture {
  const p = params.providerPosture;
  let best: Posture = { multiplier: 1, pointers: [] };
  (decl.legalProcess?.policies ?? []).forEach((policy, i) => {
    const kinds = p.processKinds[policy.process] ?? [];
    if (policy.jurisdiction !== code || !policy.categories.includes(category) || !kinds.includes(instrument.kind)) return;
    const review = policy.requiresJudicialReview === true && instrument.judicialReview !== true ? p.requiresJudicialReview.value : 1;
    const m = p.userNotification[policy.userNotification].value * review;
    if (m < best.multiplier) best = { multiplier: m, pointers: [pointer('legalProcess', 'policies', i)] };
  });
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
