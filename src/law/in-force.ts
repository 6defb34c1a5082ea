import type { JurisdictionProfile } from '../formats/types.generated.js';

/** Whether a fact of a profile was law on a date: known yes, known no, or not known. */
export type Tri = 'yes' | 'no' | 'unknown';

export type DatedFact = { inForce: NonNullable<JurisdictionProfile['instruments'][number]['inForce']> };
type DateOrYear = string | number;
/** A start or an end known only as a bound (profile schema 3). */
type Bound = { noLaterThan: string } | { noEarlierThan: string };
type Point = DateOrYear | Bound;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The first day of a YYYY, YYYY-MM or YYYY-MM-DD period. */
export function firstDayOf(partial: string): string {
  return partial.length === 4 ? `${partial}-01-01` : partial.length === 7 ? `${partial}-01` : partial;
}

/** The last day of a YYYY, YYYY-MM or YYYY-MM-DD period. */
export function lastDayOf(partial: string): string {
  if (partial.length === 4) return `${partial}-12-31`;
  if (partial.length === 7) {
    const y = Number(partial.slice(0, 4));
    const m = Number(partial.slice(5, 7));
    const leap = m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0);
    return `${partial}-${DAYS[m - 1] + (leap ? 1 : 0)}`;
  }
  return partial;
}

/**
 * Compares a date point with a YYYY-MM-DD date: before, after, or not known (a year that contains
 * it, or "unknown"). A start known as "no later than X" is settled from the last day of X on; an
 * end known as "no earlier than X" is settled before the first day of X.
 */
function compare(point: Point, date: string): 'before-or-on' | 'after' | 'unknown' {
  if (point === 'unknown') return 'unknown';
  if (typeof point === 'object') {
    if ('noLaterThan' in point) return lastDayOf(point.noLaterThan) <= date ? 'before-or-on' : 'unknown';
    return date < firstDayOf(point.noEarlierThan) ? 'after' : 'unknown';
  }
  if (typeof point === 'number') {
    const year = Number(date.slice(0, 4));
    return point < year ? 'before-or-on' : point > year ? 'after' : 'unknown';
  }
  return point <= date ? 'before-or-on' : 'after';
}

/**
 * In force on `date`: `from` ≤ date < `until`. A year that contains the date, or "unknown", makes
 * the answer unknown unless the other end already settles it.
 */
export function inForceOn(period: { from: Point; until?: Point }, date: string): Tri {
  const started = compare(period.from, date);
  const ended = period.until === undefined ? 'after' : compare(period.until, date);
  if (started === 'after' || ended === 'before-or-on') return 'no';
  if (started === 'unknown' || ended === 'unknown') return 'unknown';
  return 'yes';
}

/** Today in UTC as YYYY-MM-DD: the default law date. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Member states of a union on a date; "unknown" membership counts as possibly a member. */
export function membersOn(profile: JurisdictionProfile, date: string): Map<string, Tri> {
  const out = new Map<string, Tri>();
  for (const m of profile.memberStates?.members ?? []) {
    const state = inForceOn(m, date);
    if (state !== 'no') out.set(m.code, state);
  }
  return out;
}
