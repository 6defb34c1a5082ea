import { countRange } from '../formats/semantic-rules.js';
import { outcomeShareBounds, PERCENT_ROUNDING } from '../formats/request-share.js';
import { pointer } from '../formats/json-pointer.js';
import { span, type Range } from './range.js';
import type { Declaration, ModelParameters } from './types.js';

type Row = NonNullable<Declaration['governmentRequests']>[number];

/** Processes reported beside request totals, not in them (providers leave preservation requests out). */
const OUTSIDE = new Set(['preservation-request']);

/**
 * Bounds of the share of a row's requests that were complied with: a stated percentage is exact
 * (the format's rules refuse one that its outcome counts contradict, beyond rounding); otherwise the outcome
 * counts bound it; a row that says neither leaves it anywhere in [0, 1].
 */
export function rowShare(row: Row): Range {
  if (row.percentDisclosed !== undefined) return { lo: row.percentDisclosed / 100, hi: row.percentDisclosed / 100 };
  // Without a percentage, the counts bound the share, widened by the rounding a stated percentage
  // may carry, so that every percentage the rules accept lies inside (removing it only widens).
  const { lo, hi } = outcomeShareBounds(row);
  if (lo === 0 && hi === 1) return { lo, hi };
  return { lo: Math.max(0, lo - PERCENT_ROUNDING), hi: Math.min(1, hi + PERCENT_ROUNDING) };
}

/** The request rows of each country (preservation requests left out), read once for every profile. */
export function rowsByCountry(decl: Declaration): Map<string, { row: Row; i: number }[]> {
  const out = new Map<string, { row: Row; i: number }[]>();
  (decl.governmentRequests ?? []).forEach((row, i) => {
    if (OUTSIDE.has(row.process)) return;
    const list = out.get(row.country);
    if (list) list.push({ row, i });
    else out.set(row.country, [{ row, i }]);
  });
  return out;
}

export interface Compliance {
  share: Range;
  multiplier: Range;
  explanation: string;
  pointers: string[];
  /** Set when the figures leave the share open. */
  unknown?: string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * The share of a jurisdiction's requests the provider complies with, as a range, and the
 * multiplier it gives the compelled pathway.
 *
 * Each row of the jurisdiction (not a worldwide "001" row, which says nothing about one
 * country; not a preservation request; at least `minRequests` requests) is evidence of the
 * provider's practice, and the share is the LEAST share any of them shows, on each bound. Only
 * a minimum keeps the properties the figures must have: a removed or vaguer row can never lower
 * `worstCase` (a minimum over fewer, or higher, values is never lower), a higher share never
 * lowers either bound, and nothing is added up, so an `all` row and its parts are never counted
 * twice (each is evidence on its own).
 * A row with a wide band counts for `established` if it may reach the threshold, for
 * `worstCase` only if it surely does. Without such rows the share is anywhere in [0, 1].
 */
export function complianceShare(decl: Declaration, code: string, params: ModelParameters, byCountry: ReadonlyMap<string, { row: Row; i: number }[]> = rowsByCountry(decl)): Compliance {
  const min = params.compliance.minRequests.value;
  const rows = byCountry.get(code) ?? [];
  let lo = 1;
  let hi = 1;
  let evidenceLo = false;
  let evidenceHi = false;
  const pointers: string[] = [];
  for (const { row, i } of rows) {
    const requests = countRange(row.requests);
    if (requests.max < min) continue;
    const share = rowShare(row);
    evidenceLo = true;
    lo = Math.min(lo, share.lo);
    if (requests.min >= min) {
      evidenceHi = true;
      hi = Math.min(hi, share.hi);
    }
    pointers.push(pointer('governmentRequests', i));
  }
  // No figures at all: the share is anywhere in [0, 1]. A present section with no usable row for
  // this jurisdiction answers that it made (almost) no requests: no practice shown, full compliance assumed.
  const answered = decl.governmentRequests !== undefined;
  if (!evidenceLo) lo = answered ? 1 : 0;
  if (!evidenceHi) hi = 1;
  const share = { lo, hi: Math.max(lo, hi) };
  const floor = params.providerPosture.complianceFloor.value;
  const multiplier = { lo: floor + (1 - floor) * share.lo, hi: floor + (1 - floor) * share.hi };
  const explanation = pointers.length === 0
    ? answered ? `its figures show no usable requests from ${code}, so full compliance is assumed` : `it publishes no request figures, so its compliance share for ${code} is not known (0–100%)`
    : share.lo === share.hi
      ? `its figures show it complied with as little as ${pct(share.lo)} of ${code}'s requests in a period`
      : `its figures put the least share of ${code}'s requests it complied with between ${pct(share.lo)} and ${pct(share.hi)}`;
  return {
    share,
    multiplier,
    explanation,
    pointers: pointers.length > 0 ? pointers : ['/governmentRequests'],
    ...(share.hi > share.lo ? { unknown: pointers.length > 0 ? pointers[0] : '/governmentRequests' } : {}),
  };
}
