import type { JurisdictionProfile } from '../formats/types.generated.js';
import { inForceOn, type Tri } from './in-force.js';

const LETTER: Record<Tri, string> = { yes: 'y', no: 'n', unknown: 'u' };

/**
 * The law epoch of one profile on a date, as a short key: the profile's code, then one letter
 * per fact (in force yes, no, unknown) of its instruments, retention mandates, localisation
 * rules, interception mandates and agreements, then its union members in force. The set of
 * facts in force changes only on the dates a fact enters or leaves force, so every date of one
 * epoch gives the same key, and whatever is computed from the profile's law alone (its law view,
 * its per-category law) can be kept under it instead of under the date. Pure and cheap (no
 * hashing): the key of the same profile object on two dates is equal exactly when the profile
 * stood the same on both. It says nothing about the profile's content: a cache shared across
 * versions of the law data keys by the profile object too (or by a hash of it, as
 * `lawKeysMemo` in law-epoch.ts does).
 */
export function profileLawKey(profile: JurisdictionProfile, date: string): string {
  let key = `${profile.code}:`;
  for (const f of profile.instruments) key += LETTER[inForceOn(f.inForce, date)];
  key += '/';
  for (const f of profile.retentionMandates) key += LETTER[inForceOn(f.inForce, date)];
  key += '/';
  for (const f of profile.localisation) key += LETTER[inForceOn(f.inForce, date)];
  key += '/';
  for (const f of profile.interceptionMandates) key += LETTER[inForceOn(f.inForce, date)];
  key += '/';
  for (const f of profile.agreements ?? []) key += LETTER[inForceOn(f.inForce, date)];
  key += '/';
  for (const m of profile.memberStates?.members ?? []) key += LETTER[inForceOn(m, date)];
  return key;
}
