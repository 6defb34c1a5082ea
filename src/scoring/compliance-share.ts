import { countRange } from '../formats/count-range.js';
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

/** The request rows of each country (preservation requests left out), read once for every profile; worldwide rows under "001". */
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

export const WORLDWIDE = '001';

export interface Compliance {
  share: Range;
  multiplier: Range;
  explanation: string;
  pointers: string[];
  /** Set when the figures leave the share open. */
  unknown?: string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** One term of the requests-weighted share: a share and the requests it weighs, each as a range. */
interface Unit {
  share: Range;
  weight: { lo: number; hi: number };
  at: string;
}

const periodKey = (row: Row) => `${row.period.start}/${row.period.end}`;

/**
 * The units of one country's figures: per period its `all` row when there is one (its parts are
 * inside it and add nothing), else each process row. A requests-weighted mean over these units is
 * the per-period share (the `all` row's, else the requests-weighted share of the process rows)
 * combined over periods weighted by requests.
 */
function unitsOf(rows: readonly { row: Row; i: number }[]): Unit[] {
  const withAll = new Set<string>();
  for (const { row } of rows) if (row.process === 'all') withAll.add(periodKey(row));
  const units: Unit[] = [];
  for (const { row, i } of rows) {
    if (row.process !== 'all' && withAll.has(periodKey(row))) continue;
    const r = countRange(row.requests);
    units.push({ share: rowShare(row), weight: { lo: r.min, hi: r.max }, at: pointer('governmentRequests', i) });
  }
  return units;
}

/** Whether the union of `periods` covers [start, end] (periods are whole days, YYYY-MM-DD). */
function covered(start: string, end: string, periods: readonly { start: string; end: string }[]): boolean {
  let reached = start;
  const sorted = [...periods].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  for (const p of sorted) {
    if (p.start > reached) break;
    if (p.end >= reached) reached = nextDay(p.end);
    if (reached > end) return true;
  }
  return reached > end;
}

function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/**
 * The worldwide periods a country has no rows of its own for (P15): the country may have been
 * among those requests, in any number up to the worldwide total, with any share. One unit per
 * such worldwide period (its `all` row, else the sum of its process rows).
 */
function silentWorldwide(worldwide: readonly { row: Row; i: number }[], own: readonly { row: Row }[]): Unit[] {
  const periods = own.map(({ row }) => row.period);
  const byPeriod = new Map<string, { hi: number; at: string; all: boolean }>();
  for (const { row, i } of worldwide) {
    if (covered(row.period.start, row.period.end, periods)) continue;
    const key = periodKey(row);
    const max = countRange(row.requests).max;
    const seen = byPeriod.get(key);
    if (row.process === 'all') byPeriod.set(key, { hi: max, at: seen?.at ?? pointer('governmentRequests', i), all: true });
    else if (seen === undefined) byPeriod.set(key, { hi: max, at: pointer('governmentRequests', i), all: false });
    else if (!seen.all) seen.hi += max;
  }
  return [...byPeriod.values()].filter((p) => p.hi > 0).map((p) => ({ share: { lo: 0, hi: 1 }, weight: { lo: 0, hi: p.hi }, at: p.at }));
}

/**
 * The least and the greatest requests-weighted mean of the units, each share and weight
 * anywhere in its range. The extreme puts the most weight on the lowest (highest) shares: in
 * share order, a prefix at its greatest weight and the rest at its least; every prefix is tried.
 */
function weightedMean(units: readonly Unit[], end: 'lo' | 'hi'): number | undefined {
  const sorted = [...units].sort((a, b) => (end === 'lo' ? a.share.lo - b.share.lo : b.share.hi - a.share.hi));
  // Suffix sums at the least weight, then walk the prefix at the greatest weight (linear after the sort).
  let restSum = 0;
  let restWeight = 0;
  for (const u of sorted) {
    restSum += u.weight.lo * u.share[end];
    restWeight += u.weight.lo;
  }
  let headSum = 0;
  let headWeight = 0;
  let best: number | undefined;
  for (let k = 0; k <= sorted.length; k++) {
    const weight = headWeight + restWeight;
    if (weight > 0) {
      const mean = (headSum + restSum) / weight;
      if (best === undefined || (end === 'lo' ? mean < best : mean > best)) best = mean;
    }
    if (k === sorted.length) break;
    const u = sorted[k];
    headSum += u.weight.hi * u.share[end];
    headWeight += u.weight.hi;
    restSum -= u.weight.lo * u.share[end];
    restWeight -= u.weight.lo;
  }
  return best;
}

/**
 * The share of a jurisdiction's requests the provider complies with, as a range, and the
 * multiplier it gives the compelled pathway.
 *
 * Per period, J's share is its `all` row's share when there is one, else the requests-weighted
 * share of its process rows; periods combine weighted by requests (P7). So no shape of a report
 * moves a bound by itself: a process row inside its `all` row changes nothing, and a report
 * split into parts gives the same share as their total. Fewer than `minRequests` requests in all
 * are no evidence of practice (a band counts for `established` if it may reach the threshold,
 * for `worstCase` only if it surely does).
 *
 * A worldwide row (`001`) says nothing about J (P15): where one covers a period for which J has
 * no row of its own, J may have been among its requests, with any share, so the share is open
 * (down to 0 on the low end). Without figures of its own J's share is then [0, 1]; a present
 * section with neither a row of J nor a worldwide row over J's silence answers that J made
 * (almost) no requests: no practice shown, full compliance assumed. No figures at all: [0, 1].
 */
export function complianceShare(decl: Declaration, code: string, params: ModelParameters, byCountry: ReadonlyMap<string, { row: Row; i: number }[]> = rowsByCountry(decl)): Compliance {
  const min = params.compliance.minRequests.value;
  const rows = byCountry.get(code) ?? [];
  const own = unitsOf(rows);
  const open = silentWorldwide(byCountry.get(WORLDWIDE) ?? [], rows);
  let total = { lo: 0, hi: 0 };
  for (const u of own) total = { lo: total.lo + u.weight.lo, hi: total.hi + u.weight.hi };
  const evidenceLo = own.length > 0 && total.hi >= min;
  const evidenceHi = own.length > 0 && total.lo >= min;
  const answered = decl.governmentRequests !== undefined;
  const silent = !answered || open.length > 0;
  let lo: number;
  let hi: number;
  if (evidenceLo) lo = weightedMean([...own, ...open], 'lo') ?? (silent ? 0 : 1);
  else lo = silent ? 0 : 1;
  if (evidenceHi) hi = weightedMean([...own, ...open], 'hi') ?? 1;
  else hi = 1;
  const share = { lo, hi: Math.max(lo, hi) };
  const floor = params.providerPosture.complianceFloor.value;
  const multiplier = { lo: floor + (1 - floor) * share.lo, hi: floor + (1 - floor) * share.hi };
  const pointers = (evidenceLo ? own : []).map((u) => u.at);
  const explanation = pointers.length === 0
    ? open.length > 0 ? `its figures give only worldwide totals for the period, which say nothing about ${code}, so its compliance share for ${code} is not known (0–100%)` : answered ? `its figures show no usable requests from ${code}, so full compliance is assumed` : `it publishes no request figures, so its compliance share for ${code} is not known (0–100%)`
    : share.lo === share.hi
      ? `its figures show it complied with ${pct(share.lo)} of ${code}'s requests (weighted by requests)`
      : `its figures put the share of ${code}'s requests it complied with between ${pct(share.lo)} and ${pct(share.hi)}`;
  return {
    share,
    multiplier,
    explanation,
    pointers: pointers.length > 0 ? pointers : open.length > 0 ? [open[0].at] : ['/governmentRequests'],
    ...(share.hi > share.lo ? { unknown: open.length > 0 ? open[0].at : pointers.length > 0 ? pointers[0] : '/governmentRequests' } : {}),
  };
}
