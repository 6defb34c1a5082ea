import type { Tri } from '../law/in-force.js';
import type { CategoryEntry } from './category-entries.js';
import type { CategoryLaw } from './category-law.js';
import { describeInstrument, type Instrument } from './instrument-weight.js';
import { and, or, type LawView } from './law-view.js';
import { policyPosture, policyUnknownNote } from './provider-posture.js';
import { exact, fromTri, product, span, ZERO, type Range } from './range.js';
import type { Posture, Presence, ScoringContext } from './scoring-context.js';
import type { Unknown } from './types.js';
import { unknown } from './unknowns.js';

/** One way the jurisdiction can demand data of the category from the provider, before readability and window. */
export interface Candidate {
  /** Safeguard weight × reach × in force × reaches the category × the provider's posture. */
  weight: Range;
  stored: boolean;
  live: boolean;
  pointer: string;
  /** The instrument (undefined for an unrecorded power) and its reading, built only when shown. */
  inst?: Instrument;
  note?: string;
  /** What it cites of the declaration: the presence pointers, then the posture's (`policy`; two shared lists, not joined). */
  declaration: readonly string[];
  policy: readonly string[];
  /** What widens this candidate: lists shared with other candidates (presence, the instrument's own facts). */
  unknowns: readonly (readonly Unknown[])[];
}

export const readingOf = (c: Candidate, code: string): string => (c.inst ? describeInstrument(c.inst) : `a power the profile of ${code} does not record (${c.note})`);

/** Whether the provider is present in `code` (a partner state of an agreement) for this category. */
function under(place: string, code: string, union: LawView | undefined): Tri {
  return place === code ? 'yes' : union?.members.get(place)?.tri ?? 'no';
}

/** Presence in partner states, by category entry (entries live for one computation) and code. */
const partners = new WeakMap<CategoryEntry, Map<string, Tri>>();

function presentIn(ctx: ScoringContext, ce: CategoryEntry, code: string): Tri {
  let byCode = partners.get(ce);
  if (byCode === undefined) partners.set(ce, (byCode = new Map()));
  let tri = byCode.get(code);
  if (tri === undefined) byCode.set(code, (tri = presence(ctx, ce, code)));
  return tri;
}

function presence(ctx: ScoringContext, ce: CategoryEntry, code: string): Tri {
  const union = ctx.unions.get(code);
  const hq = ctx.decl.provider.headquarters;
  const lists: (readonly string[] | 'undisclosed' | undefined)[] = [hq === undefined || hq === 'undisclosed' ? hq : [hq], ctx.decl.provider.establishments, ce.entry.collected === 'no' ? [] : ce.entry.storageLocations];
  let tri: Tri = 'no';
  for (const list of lists) {
    if (list === undefined || list === 'undisclosed') tri = or(tri, 'unknown');
    else for (const p of list) tri = or(tri, under(p, code, union));
  }
  return tri;
}

/** How far the jurisdiction's agreements carry its orders to the provider in a partner state. */
function agreementReach(ctx: ScoringContext, ce: CategoryEntry, law: CategoryLaw, stored: boolean, unknowns: Unknown[]): Range {
  // Both ends as numbers (range.ts `max` on each), one range made at the end: this runs twice for every cell.
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < law.agreements.length; i++) {
    const f = law.agreements[i];
    if (stored ? f.a.reaches === 'live' : f.a.reaches === 'stored') continue;
    let partner: Tri = 'no';
    const partners = f.a.partners;
    for (let k = 0; k < partners.length; k++) partner = or(partner, presentIn(ctx, ce, partners[k]));
    const applies = and(f.applies, partner);
    if (applies === 'no') continue;
    const value = ctx.params.agreements[f.a.kind].value;
    if (applies === 'unknown' && value > lo) unknowns.push(f.unknown);
    lo = Math.max(lo, applies === 'yes' ? value : 0);
    hi = Math.max(hi, value);
  }
  return lo === 0 && hi === 0 ? ZERO : { lo, hi };
}

const NO_POSTURE: Posture = { multiplier: exact(1), pointers: [] };
const NO_POINTERS: string[] = Object.freeze([]) as unknown as string[];

/**
 * Every way the jurisdiction can compel the provider to hand over data of the category: its
 * access instruments in force on the law date (reaching the provider by presence, by their own
 * extraterritorial reach, or through an agreement with a state where the provider is present),
 * and — as unknown legal facts, in the worst case only — an unrecorded power where the provider
 * is (or may be) present and no recorded instrument in force reaches stored data of the category
 * (P11), or where the profile says it does not cover a kind of power.
 */
export function accessCandidates(ctx: ScoringContext, index: number, view: LawView, law: CategoryLaw, presence: Presence): Candidate[] {
  const ce = ctx.entries[index];
  const { params } = ctx;
  const code = view.profile.code;
  const ext = params.instrumentModifiers.extraterritorialReach.value;
  const present = fromTri(presence.tri);
  const presenceUnknowns = presence.unknowns;
  const out: Candidate[] = [];
  const agreementUnknowns: Unknown[] = [];
  const viaAgreement = law.agreements.length === 0 ? undefined : { stored: agreementReach(ctx, ce, law, true, agreementUnknowns), live: agreementReach(ctx, ce, law, false, agreementUnknowns) };
  const hasPolicies = ctx.policies === undefined || ctx.policies.has(code);
  const presencePointers = presence.tri !== 'no' ? presence.pointers : NO_POINTERS;
  let knownStored = false;
  // Indexed loops here: these run for every cell, and an iterator over a frozen list is an allocation.
  for (let i = 0; i < law.access.length; i++) {
    const f = law.access[i];
    const inst = f.inst;
    // A recorded instrument in force that surely reaches stored data of c covers it, whatever the
    // presence: presence (or extraterritorial reach, or an agreement) is already in its reach range (P11, P6).
    if (f.stored && f.applies === 'yes') knownStored = true;
    // reach = max(present, extraterritorial reach[, agreements]), on each end.
    let reachLo = Math.max(present.lo, f.extra.lo);
    let reachHi = Math.max(present.hi, f.extra.hi);
    if (viaAgreement) {
      const a = f.stored ? viaAgreement.stored : viaAgreement.live;
      reachLo = Math.max(reachLo, a.lo);
      reachHi = Math.max(reachHi, a.hi);
    }
    if (reachHi === 0) continue;
    const posture = hasPolicies ? policyPosture(ctx, ce.entry.category, code, inst) : NO_POSTURE;
    let unknowns: readonly (readonly Unknown[])[] = f.unknownLists;
    if (reachLo < reachHi || posture.unanswered) {
      const lists: (readonly Unknown[])[] = [f.unknowns];
      unknowns = lists;
      if (reachLo < reachHi) lists.push(presenceUnknowns, agreementUnknowns);
      if (posture.unanswered) lists.push(ctx.policies === undefined ? ctx.undisclosedPolicyUnknowns() : policyUnknowns(ctx, posture.unanswered));
    }
    const applies = fromTri(f.applies);
    const m = posture.multiplier;
    out.push({
      // The same product, in the same order, as range.ts `product`.
      weight: { lo: f.weight.lo * reachLo * applies.lo * m.lo, hi: f.weight.hi * reachHi * applies.hi * m.hi },
      stored: f.stored,
      live: f.live,
      pointer: f.at,
      inst,
      note: undefined,
      declaration: presencePointers,
      policy: posture.pointers,
      unknowns,
    });
  }
  const unknownLaw = params.unknownLaw.weight.value;
  if (!knownStored && presence.tri !== 'no' && ce.entry.collected !== 'no') out.push(unrecorded(NO_INSTRUMENT, NO_INSTRUMENT_LIST, unknownLaw * present.hi, true, false, presence));
  const gaps = law.gapsOf;
  for (let i = 0; i < gaps['stored-access'].length; i++) out.push(unrecorded(gaps['stored-access'][i], law.gapLists.get(gaps['stored-access'][i])!, unknownLaw * present.hi, true, false, presence));
  for (let i = 0; i < gaps['live-interception'].length; i++) out.push(unrecorded(gaps['live-interception'][i], law.gapLists.get(gaps['live-interception'][i])!, unknownLaw * present.hi, false, true, presence));
  for (let i = 0; i < gaps['cross-border'].length; i++) out.push(unrecorded(gaps['cross-border'][i], law.gapLists.get(gaps['cross-border'][i])!, unknownLaw * ext, true, true, presence));
  return out;
}

function policyUnknowns(ctx: ScoringContext, pointers: readonly string[]): Unknown[] {
  const out: Unknown[] = [];
  for (const pointer of pointers) out.push(ctx.unanswered(pointer, policyUnknownNote(pointer)));
  return out;
}

const NO_INSTRUMENT: Unknown = unknown('jurisdiction', '/instruments', 'no recorded instrument in force on the law date surely reaches stored data of this category');
const NO_INSTRUMENT_LIST: readonly Unknown[] = Object.freeze([NO_INSTRUMENT]);

/** A power the profile does not record (`unknown`, also as the list `own`): nothing established, up to `hi` in the worst case. */
function unrecorded(unknown: Unknown, own: readonly Unknown[], hi: number, stored: boolean, live: boolean, presence: Presence): Candidate {
  return { weight: { lo: 0, hi }, stored, live, pointer: unknown.pointer, inst: undefined, note: unknown.note, declaration: presence.tri !== 'no' ? presence.pointers : NO_POINTERS, policy: NO_POINTERS, unknowns: [own, presence.unknowns] };
}

const NO_POWER = Object.freeze({ tri: 'no' as Tri, pointers: NO_POINTERS, unknowns: Object.freeze([]) as unknown as Unknown[] });

/** Whether an encryption power of the jurisdiction in force reaches the provider for this category. */
export function encryptionPower(law: CategoryLaw, presence: Presence): { tri: Tri; pointers: string[]; unknowns: Unknown[] } {
  if (law.encryption.length === 0 && law.gapsOf.encryption.length === 0) return NO_POWER;
  let tri: Tri = 'no';
  const pointers: string[] = [];
  const unknowns: Unknown[] = [];
  for (let i = 0; i < law.encryption.length; i++) {
    const f = law.encryption[i];
    const reaches: Tri = or(presence.tri, f.inst.extraterritorial === true ? 'yes' : f.inst.extraterritorial === 'unknown' ? 'unknown' : 'no');
    const applies = and(f.applies, reaches);
    if (applies === 'no') continue;
    pointers.push(f.at);
    if (applies === 'unknown') {
      unknowns.push(f.unknown);
      if (presence.tri === 'unknown') for (let k = 0; k < presence.unknowns.length; k++) unknowns.push(presence.unknowns[k]);
    }
    tri = or(tri, applies);
  }
  const gaps = law.gapsOf.encryption;
  for (let i = 0; i < gaps.length; i++) {
    tri = or(tri, 'unknown');
    unknowns.push(gaps[i]);
  }
  return { tri, pointers, unknowns };
}
