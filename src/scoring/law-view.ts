import { inForceOn, type Tri } from '../law/in-force.js';
import { profileLawKey } from '../law/profile-law-key.js';
import { reaches, type Categories } from '../law/partial-knowledge.js';
import type { JurisdictionProfile } from './types.js';

/**
 * A profile as the law stood on one date: whether each fact was in force, and the union's
 * members then. Built once per profile and law epoch (`profileLawKey`: every date on which the
 * same facts are in force shares one view, and with it the per-category law kept under the
 * view), so a matrix does not re-read dates for every cell, nor a new date rebuild the law.
 * Nothing in a view depends on the date beyond which facts are in force.
 */
export interface LawView {
  profile: JurisdictionProfile;
  instruments: Tri[];
  retentionMandates: Tri[];
  interceptionMandates: Tri[];
  agreements: Tri[];
  /** Member states of a union on the date (absent: not a member). */
  members: Map<string, { tri: Tri; at: number }>;
}

const views = new WeakMap<JurisdictionProfile, Map<string, LawView>>();
/** The epoch of each date asked about, per profile (a date's key is read once). */
const epochs = new WeakMap<JurisdictionProfile, Map<string, string>>();

function epochOf(profile: JurisdictionProfile, date: string): string {
  let byDate = epochs.get(profile);
  if (byDate === undefined) epochs.set(profile, (byDate = new Map()));
  let key = byDate.get(date);
  if (key === undefined) {
    if (byDate.size > 1024) byDate.clear();
    byDate.set(date, (key = profileLawKey(profile, date)));
  }
  return key;
}

export function lawView(profile: JurisdictionProfile, date: string): LawView {
  let byEpoch = views.get(profile);
  if (byEpoch === undefined) views.set(profile, (byEpoch = new Map()));
  const epoch = epochOf(profile, date);
  let view = byEpoch.get(epoch);
  if (view === undefined) {
    const members = new Map<string, { tri: Tri; at: number }>();
    (profile.memberStates?.members ?? []).forEach((m, at) => {
      const tri = inForceOn(m, date);
      if (tri !== 'no') members.set(m.code, { tri, at });
    });
    view = {
      profile,
      instruments: profile.instruments.map((f) => inForceOn(f.inForce, date)),
      retentionMandates: profile.retentionMandates.map((f) => inForceOn(f.inForce, date)),
      interceptionMandates: profile.interceptionMandates.map((f) => inForceOn(f.inForce, date)),
      agreements: (profile.agreements ?? []).map((f) => inForceOn(f.inForce, date)),
      members,
    };
    if (byEpoch.size > 64) byEpoch.clear();
    byEpoch.set(epoch, view);
  }
  return view;
}

/** Whether a rule with these categories reaches `category`: a list or "all" answers; `atLeast` answers for what it lists; "unknown" is not known. */
export function reachesCategory(categories: Categories, category: string): Tri {
  return reaches(categories, category);
}

export function and(a: Tri, b: Tri): Tri {
  return a === 'no' || b === 'no' ? 'no' : a === 'yes' && b === 'yes' ? 'yes' : 'unknown';
}

export function or(a: Tri, b: Tri): Tri {
  return a === 'yes' || b === 'yes' ? 'yes' : a === 'no' && b === 'no' ? 'no' : 'unknown';
}
