import type { Retention } from '../formats/types.generated.js';
import { durationDays } from '../scoring/iso-duration.js';

/**
 * How long data may be kept, as a rank: none < fixed < until-event < indefinite =
 * undisclosed (silence is never read as safety). Within fixed, the duration decides;
 * within until-event, the time kept after the event.
 */
const RANK: Record<Retention['kind'], number> = { none: 0, fixed: 1, 'until-event': 2, indefinite: 3, undisclosed: 3 };

const days = (iso: string | undefined): number => {
  if (!iso) return 0;
  try {
    return durationDays(iso);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
};

const lengthWithinKind = (r: Retention): number =>
  r.kind === 'fixed' ? days(r.duration) : r.kind === 'until-event' ? days(r.after) : 0;

/** A missing retention is an unanswered question: the same as "undisclosed". */
export const retentionOrUndisclosed = (r: Retention | undefined): Retention => r ?? { kind: 'undisclosed' };

/** Negative when `a` keeps data for less time than `b`, positive when longer, 0 when neither. */
export function compareRetention(a: Retention | undefined, b: Retention | undefined): number {
  const [x, y] = [retentionOrUndisclosed(a), retentionOrUndisclosed(b)];
  const byKind = RANK[x.kind] - RANK[y.kind];
  if (byKind !== 0) return Math.sign(byKind);
  return Math.sign(lengthWithinKind(x) - lengthWithinKind(y));
}
