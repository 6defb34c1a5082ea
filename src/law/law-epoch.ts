import { createHash } from 'node:crypto';
import type { JurisdictionProfile } from '../formats/types.generated.js';
import { inForceOn } from './in-force.js';

/**
 * A fingerprint of which facts of the profiles are in force (yes, no, unknown) on a date. Two
 * dates with the same epoch give the same exposure for any declaration, so an analysis made on
 * one day stays valid until a fact enters or leaves force; then the epoch changes and remembered
 * analyses are recomputed.
 */
export function lawEpoch(profiles: readonly JurisdictionProfile[], date: string): string {
  const h = createHash('sha256');
  for (const p of profiles) {
    h.update(p.code);
    for (const list of [p.instruments, p.retentionMandates, p.localisation, p.interceptionMandates, p.agreements ?? []]) for (const f of list) h.update(inForceOn(f.inForce, date)[0]);
    for (const m of p.memberStates?.members ?? []) h.update(m.code + inForceOn(m, date)[0]);
  }
  return h.digest('hex').slice(0, 16);
}

/** `lawEpoch` remembered per date (a service asks about the same few dates again and again). */
export function epochMemo(profiles: readonly JurisdictionProfile[]): (date: string) => string {
  const known = new Map<string, string>();
  return (date) => {
    let epoch = known.get(date);
    if (epoch === undefined) {
      if (known.size > 1024) known.clear();
      known.set(date, (epoch = lawEpoch(profiles, date)));
    }
    return epoch;
  };
}

/**
 * The law of each profile's column on a date, as one key per jurisdiction code: a hash of the
 * profile's data and of which of its facts are in force (yes, no, unknown) on the date, with the
 * keys of every union profile folded in (a union's data and membership reach its members' columns
 * and the places the provider names). A column is the same for any declaration on two dates, or
 * under two versions of the law data, when its key is the same; so a change to one profile
 * that is not a union changes one key only.
 */
export function lawKeysMemo(profiles: readonly JurisdictionProfile[]): (date: string) => Record<string, string> {
  const content = new Map(profiles.map((p) => [p.code as string, createHash('sha256').update(JSON.stringify(p)).digest('hex')]));
  const known = new Map<string, Record<string, string>>();
  return (date) => {
    let keys = known.get(date);
    if (keys !== undefined) return keys;
    const own = new Map<string, string>();
    for (const p of profiles) {
      const h = createHash('sha256').update(content.get(p.code)!);
      for (const list of [p.instruments, p.retentionMandates, p.localisation, p.interceptionMandates, p.agreements ?? []]) for (const f of list) h.update(inForceOn(f.inForce, date)[0]);
      for (const m of p.memberStates?.members ?? []) h.update(m.code + inForceOn(m, date)[0]);
      own.set(p.code, h.digest('hex'));
    }
    const unions = profiles.filter((p) => p.memberStates !== undefined).map((p) => own.get(p.code)!).join('');
    keys = {};
    for (const p of profiles) keys[p.code] = createHash('sha256').update(own.get(p.code)! + unions).digest('hex').slice(0, 16);
    if (known.size > 64) known.clear();
    known.set(date, keys);
    return keys;
  };
}
