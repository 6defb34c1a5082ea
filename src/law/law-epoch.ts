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
