import { routeBounds } from '../law/partial-knowledge.js';
import { indexed } from './facts.js';
import type { Instrument } from './instrument-weight.js';
import { exact, span, type Range } from './range.js';
import type { Posture, ScoringContext } from './scoring-context.js';
import type { CategoryId, ModelParameters } from './types.js';

const NO_POLICY: Posture = { multiplier: exact(1), pointers: [] };
const POLICIES = '/legalProcess/policies';

/** The instrument kinds some process of a policy can name (`providerPosture.processKinds`): no policy can speak of the others. */
const declarable = new WeakMap<ModelParameters, Set<string>>();

export function declarableKinds(params: ModelParameters): Set<string> {
  let kinds = declarable.get(params);
  if (kinds === undefined) declarable.set(params, (kinds = new Set(Object.values(params.providerPosture.processKinds).flat())));
  return kinds;
}

/** Whether a judge surely authorises the instrument before use (its most exposing route is still court-before). */
const judgeSurely = (instrument: Instrument): boolean => routeBounds(instrument.authorisation).hi === 'court-before';

/**
 * Insisting on a judge, as a multiplier: it bites only where no judge authorises before use (on
 * a bound, where that bound's route is not court-before). Left out, whether the provider insists
 * is not said: either answer.
 */
function reviewFactor(insists: boolean | undefined, instrument: Instrument, value: number): Range {
  const routes = routeBounds(instrument.authorisation);
  if (routes.hi === 'court-before' || insists === false) return exact(1);
  if (insists === undefined) return span(value, 1);
  return routes.lo !== 'court-before' ? exact(value) : span(value, 1);
}

/**
 * Without a list of policies: between the most protective policy the provider could actually
 * declare for this instrument and none. That policy notifies always and insists on a judge —
 * which changes nothing for an instrument a judge already authorises — and exists only for the
 * kinds a process can name: no declarable policy speaks of direct access or key disclosure, so
 * silence cannot buy a reduction there. One posture object per case, so cells share them.
 */
const undisclosed = new WeakMap<ModelParameters, Map<string, Posture>>();

export function undisclosedPolicyPosture(params: ModelParameters, instrument: Instrument): Posture {
  // A kind known only in part is matched by no policy (as with a present list), so none can reduce it.
  if (typeof instrument.kind === 'object' || !declarableKinds(params).has(instrument.kind)) return NO_POLICY;
  let byCase = undisclosed.get(params);
  if (byCase === undefined) undisclosed.set(params, (byCase = new Map()));
  const judge = judgeSurely(instrument);
  const key = judge ? 'judge' : 'no-judge';
  let posture = byCase.get(key);
  if (posture === undefined) {
    const p = params.providerPosture;
    const n = p.userNotification;
    const lo = Math.min(n.always.value, n['unless-prohibited'].value, n.never.value) * (judge ? 1 : p.requiresJudicialReview.value);
    byCase.set(key, (posture = { multiplier: span(lo, 1), pointers: [POLICIES], unanswered: [POLICIES] }));
  }
  return posture;
}

/**
 * What the provider says it does when this instrument is used for this category in this
 * jurisdiction: notify the user, insist on a judge. A present list of policies is complete:
 * no matching policy means no reduction. An absent list, or an answer left out or undisclosed,
 * lies between the most protective answer possible and none.
 */
export function policyPosture(ctx: ScoringContext, category: CategoryId, code: string, instrument: Instrument): Posture {
  const p = ctx.params.providerPosture;
  const notifications = p.userNotification;
  if (ctx.policies === undefined) return undisclosedPolicyPosture(ctx.params, instrument);
  const policies = ctx.policies.get(code);
  if (policies === undefined) return NO_POLICY;
  let lo = 1;
  let hi = 1;
  const pointers: string[] = [];
  const unanswered: string[] = [];
  for (const { policy, at } of policies) {
    const kinds = p.processKinds[policy.process] ?? [];
    if (!policy.categories.includes(category) || typeof instrument.kind === 'object' || !(kinds as string[]).includes(instrument.kind)) continue;
    const pointer = indexed(POLICIES, at);
    const undisclosedNotice = policy.userNotification === 'undisclosed';
    const notify: Range = undisclosedNotice ? span(Math.min(notifications.always.value, notifications['unless-prohibited'].value), notifications.never.value) : exact(notifications[policy.userNotification as 'always' | 'unless-prohibited' | 'never'].value);
    // Left out, whether the provider insists on a judge is not said: either answer is possible.
    const review = reviewFactor(policy.requiresJudicialReview, instrument, p.requiresJudicialReview.value);
    // The most protective matching policy applies, on each bound.
    if (notify.lo * review.lo < lo) lo = notify.lo * review.lo;
    if (notify.hi * review.hi < hi) {
      hi = notify.hi * review.hi;
      pointers[0] = pointer;
    }
    if (undisclosedNotice) unanswered.push(`${pointer}/userNotification`);
    if (policy.requiresJudicialReview === undefined && !judgeSurely(instrument)) unanswered.push(`${pointer}/requiresJudicialReview`);
  }
  if (lo === 1 && hi === 1) return NO_POLICY;
  return { multiplier: { lo, hi }, pointers: pointers.length > 0 ? pointers : unanswered.slice(0, 1), ...(lo < hi && unanswered.length > 0 ? { unanswered } : {}) };
}

/** What an unanswered policy field leaves open, in words. */
export function policyUnknownNote(pointer: string): string {
  return pointer.endsWith('/requiresJudicialReview') ? 'whether the provider insists on a judge for this process is not said' : 'policy for this process not disclosed';
}
