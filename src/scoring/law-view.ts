import { inForceOn, type Tri } from '../law/in-force.js';
import { reaches, type Categories } from '../law/partial-knowledge.js';
import type { JurisdictionProfile } from './types.js';

/**
 * A profile as the law stood on one date: whether each fact was in force, and the union's
 * members then. Built once per profile and date (facts are immutable data), so a matrix does
 * not re-read dates for every cell.
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

export function lawView(profile: JurisdictionProfile, date: string): LawView {
  let byDate = views.get(profile);
  if (byDate === undefined) views.set(profile, (byDate = new Map()));
  let view = byDate.get(date);
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
    if (byDate.size > 64) byDate.clear();
    byDate.set(date, view);
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
