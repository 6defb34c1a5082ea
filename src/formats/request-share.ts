import type { GovernmentRequest } from './types.generated.js';
import { countRange } from './count-range.js';

/** Published percentages are rounded: a stated one may differ from the counts by half a percentage point. */
export const PERCENT_ROUNDING = 0.005;

/**
 * The bounds the outcome counts of a transparency row put on the share of its requests where
 * some data was produced (banded counts at the ends that make each bound honest), or [0, 1]
 * when the row gives no such counts.
 */
export function outcomeShareBounds(row: GovernmentRequest): { lo: number; hi: number } {
  const requests = countRange(row.requests);
  let lo = 0;
  let hi = 1;
  const o = row.outcomes;
  if (o?.contentDisclosed !== undefined && o.nonContentOnly !== undefined && requests.max > 0) {
    hi = Math.min(hi, (countRange(o.contentDisclosed).max + countRange(o.nonContentOnly).max) / Math.max(1, requests.min));
    lo = Math.max(lo, (countRange(o.contentDisclosed).min + countRange(o.nonContentOnly).min) / requests.max);
  }
  if (o?.rejected !== undefined && o.noDataFound !== undefined && requests.max > 0) {
    hi = Math.min(hi, 1 - (countRange(o.rejected).min + countRange(o.noDataFound).min) / requests.max);
    lo = Math.max(lo, 1 - (countRange(o.rejected).max + countRange(o.noDataFound).max) / Math.max(1, requests.min));
  }
  hi = Math.min(1, Math.max(0, hi));
  return { lo: Math.min(hi, Math.max(0, lo)), hi };
}
