import type { GovernmentRequest } from './types.generated.js';
import { countRange } from './count-range.js';

/** Published percentages are rounded: a stated one may differ from the counts by half a percentage point. */
export const PERCENT_ROUNDING = 0.005;

/**
 * The bounds the outcome counts of a transparency row put on the share of its requests where
 * some data was produced (banded counts at the ends that make each bound honest), or [0, 1]
 * when the row gives no such counts. The four outcomes partition the requests, so partial
 * counts still bound the share: every request known to have produced data (content, or only
 * non-content) raises the least share, every one known to have produced none (rejected, no data
 * found) lowers the greatest; a complete pair fixes the other end too (the rest of the requests).
 */
export function outcomeShareBounds(row: GovernmentRequest): { lo: number; hi: number } {
  const requests = countRange(row.requests);
  const o = row.outcomes;
  if (o === undefined || requests.max <= 0) return { lo: 0, hi: 1 };
  const c = o.contentDisclosed === undefined ? undefined : countRange(o.contentDisclosed);
  const n = o.nonContentOnly === undefined ? undefined : countRange(o.nonContentOnly);
  const r = o.rejected === undefined ? undefined : countRange(o.rejected);
  const d = o.noDataFound === undefined ? undefined : countRange(o.noDataFound);
  const least = Math.max(1, requests.min);
  // Known to have produced data, and known to have produced none (a missing count: at least 0).
  let lo = ((c?.min ?? 0) + (n?.min ?? 0)) / requests.max;
  let hi = 1 - ((r?.min ?? 0) + (d?.min ?? 0)) / requests.max;
  // A complete pair bounds the other end: the requests not in it are in the other pair.
  if (c !== undefined && n !== undefined) hi = Math.min(hi, (c.max + n.max) / least);
  if (r !== undefined && d !== undefined) lo = Math.max(lo, 1 - (r.max + d.max) / least);
  hi = Math.min(1, Math.max(0, hi));
  return { lo: Math.min(hi, Math.max(0, lo)), hi };
}
