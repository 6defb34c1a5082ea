import type { JurisdictionProfile } from './types.js';

/** Jurisdiction profiles by code, plus which codes belong to a union (the EU). */
export interface ProfileIndex {
  profiles: JurisdictionProfile[];
  unions: Map<string, Set<string>>;
}

/** Sorted by code, so cells come out in a fixed order whatever order the files were read in. */
export function indexProfiles(profiles: JurisdictionProfile[]): ProfileIndex {
  const sorted = [...profiles].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const unions = new Map<string, Set<string>>();
  for (const p of sorted) if (p.memberStates) unions.set(p.code, new Set(p.memberStates.members.map((m) => m.code)));
  return { profiles: sorted, unions };
}

/**
 * Whether a place a provider names (headquarters, storage, a third party's seat) falls under
 * the law of jurisdiction `code`: the same code, a member state of the union `code`, or the
 * union itself named as a place (it may be any member state, so every member counts).
 */
export function sameLegalSpace(place: string, code: string, index: ProfileIndex): boolean {
  return place === code || (index.unions.get(code)?.has(place) ?? false) || (index.unions.get(place)?.has(code) ?? false);
}
