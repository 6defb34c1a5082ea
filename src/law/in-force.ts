import type { JurisdictionProfile } from '../formats/types.generated.js';

/** Whether a fact of a profile was law on a date: known yes, known no, or not known. */
export type Tri = 'yes' | 'no' | 'unknown';

export type DatedFact = { inForce: NonNullable<JurisdictionProfile['instruments'][number]['inForce']> };
type DateOrYear = string | number;

/** Compares a date point with a YYYY-MM-DD date: before, after, or not known (a year that contains it, or "unknown"). */
function compare(point: DateOrYear, date: string): 'before-or-on' | 'after' | 'unknown' {
  if (point === 'unknown') return 'unknown';
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
export function inForceOn(period: { from: DateOrYear; until?: DateOrYear }, date: string): Tri {
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
