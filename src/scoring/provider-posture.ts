import { routeBounds } from '../law/partial-knowledge.js';
import { indexed } from './facts.js';
import type { Instrument } from './instrument-weight.js';
import { exact, span, type Range } from './range.js';
import type { Posture, ScoringContext } from './scoring-context.js';
import type { CategoryId } from './types.js';

const NO_POLICY: Posture = { multiplier: exact(1), pointers: [] };

/**
 * What the provider says it does when this instrument is used for this category in this
 * jurisdiction: notify the user, insist on a judge. A present list of policies is complete:
 * no matching policy means no reduction. An absent list, or an undisclosed answer, lies between
 * the most protective policy possible and none.
 */
export function policyPosture(ctx: ScoringContext, category: CategoryId, code: string, instrument: Instrument): Posture {
  const p = ctx.params.providerPosture;
  const notifications = p.userNotification;
  const mostProtective = Math.min(notifications.always.value, notifications['unless-prohibited'].value, notifications.never.value) * p.requiresJudicialReview.value;
  if (ctx.policies === undefined) return { multiplier: span(mostProtective, 1), pointers: ['/legalProcess/policies'], unanswered: ['/legalProcess/policies'] };
  const policies = ctx.policies.get(code);
  if (policies === undefined) return NO_POLICY;
  let lo = 1;
  let hi = 1;
  const pointers: string[] = [];
  const unanswered: string[] = [];
  for (const { policy, at } of policies) {
    const kinds = p.processKinds[policy.process] ?? [];
    if (!policy.categories.includes(category) || typeof instrument.kind === 'object' || !(kinds as string[]).includes(instrument.kind)) continue;
    const pointer = indexed('/legalProcess/policies', at);
    const undisclosed = policy.userNotification === 'undisclosed';
    const notify: Range = undisclosed ? span(Math.min(notifications.always.value, notifications['unless-prohibited'].value), notifications.undisclosed.value) : exact(notifications[policy.userNotification].value);
    const insists = policy.requiresJudicialReview === true;
    // A provider that insists on a judge holds back where no judge authorises before use: on a bound, where that bound's route is not court-before.
    const routes = insists ? routeBounds(instrument.authorisation) : undefined;
    const review: Range = routes === undefined || routes.hi === 'court-before' ? exact(1) : routes.lo !== 'court-before' ? exact(p.requiresJudicialReview.value) : span(p.requiresJudicialReview.value, 1);
    // The most protective matching policy applies, on each bound.
    if (notify.lo * review.lo < lo) lo = notify.lo * review.lo;
    if (notify.hi * review.hi < hi) {
      hi = notify.hi * review.hi;
      pointers[0] = pointer;
    }
    if (undisclosed) unanswered.push(`${pointer}/userNotification`);
  }
  if (lo === 1 && hi === 1) return NO_POLICY;
  return { multiplier: { lo, hi }, pointers: pointers.length > 0 ? pointers : unanswered.slice(0, 1), ...(lo < hi && unanswered.length > 0 ? { unanswered } : {}) };
}
