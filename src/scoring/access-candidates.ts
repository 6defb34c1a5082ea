import type { Tri } from '../law/in-force.js';
import type { CategoryEntry } from './category-entries.js';
import { indexed } from './facts.js';
import { describeInstrument, instrumentWeight, isAccessInstrument } from './instrument-weight.js';
import { and, or, reachesCategory, type LawView } from './law-view.js';
import type { Presence } from './legal-reach.js';
import { policyPosture } from './provider-posture.js';
import { exact, fromTri, isWide, max, product, span, type Range } from './range.js';
import { gapsFor } from './retention-window.js';
import type { ScoringContext } from './scoring-context.js';
import { Unknowns } from './unknowns.js';

/** One way the jurisdiction can demand data of the category from the provider, before readability and window. */
export interface Candidate {
  /** Safeguard weight × reach × in force × reaches the category × the provider's posture. */
  weight: Range;
  stored: boolean;
  live: boolean;
  pointer: string;
  reading: string;
  declaration: string[];
  /** What widens this candidate; shared objects (presence, agreements) are listed, not copied. */
  unknowns: Unknowns[];
}

/** Whether the provider is present in `code` (a partner state of an agreement) for this category. */
function presentIn(ctx: ScoringContext, ce: CategoryEntry, code: string): Tri {
  const union = ctx.unions.get(code);
  const under = (place: string): Tri => (place === code ? 'yes' : union?.members.get(place)?.tri ?? 'no');
  let tri: Tri = 'no';
  const places: (readonly string[] | 'undisclosed' | undefined)[] = [
    ctx.decl.provider.headquarters === undefined || ctx.decl.provider.headquarters === 'undisclosed' ? ctx.decl.provider.headquarters : [ctx.decl.provider.headquarters],
    ctx.decl.provider.establishments,
    ce.entry.collected === 'no' ? [] : ce.entry.storageLocations,
  ];
  for (const list of places) {
    if (list === undefined || list === 'undisclosed') tri = or(tri, 'unknown');
    else for (const p of list) tri = or(tri, under(p));
  }
  return tri;
}

/** How far the jurisdiction's agreements carry its orders to the provider in a partner state. */
function agreementReach(ctx: ScoringContext, ce: CategoryEntry, view: LawView, stored: boolean, unknowns: Unknowns): Range {
  let reach = exact(0);
  (view.profile.agreements ?? []).forEach((a, i) => {
    if (stored ? a.reaches === 'live' : a.reaches === 'stored') return;
    let partner: Tri = 'no';
    for (const code of a.partners) partner = or(partner, presentIn(ctx, ce, code));
    const applies = and(and(view.agreements[i], reachesCategory(a.categories, ce.entry.category)), partner);
    if (applies === 'no') return;
    const r = { lo: applies === 'yes' ? ctx.params.agreements[a.kind].value : 0, hi: ctx.params.agreements[a.kind].value };
    if (isWide(r) && r.hi > reach.lo) unknowns.jurisdiction(indexed('/agreements', i), 'whether the agreement reaches the provider on the law date is not fully known');
    reach = max(reach, r);
  });
  return reach;
}

const EXTRA: Record<string, (ext: number) => Range> = {
  true: (ext) => exact(ext),
  false: () => exact(0),
  unknown: (ext) => span(0, ext),
};

/**
 * Every way the jurisdiction can compel the provider to hand over data of the category: its
 * access instruments in force on the law date (reaching the provider by presence, by their own
 * extraterritorial reach, or through an agreement with a state where the provider is present),
 * and — as unknown legal facts, in the worst case only — an unrecorded power where no recorded
 * instrument in force reaches readable stored data of a present provider (P11), or where the
 * profile says it does not cover a kind of power.
 */
export function accessCandidates(ctx: ScoringContext, index: number, view: LawView, presence: Presence): Candidate[] {
  const ce = ctx.entries[index];
  const { params } = ctx;
  const code = view.profile.code;
  const ext = params.instrumentModifiers.extraterritorialReach.value;
  const present = fromTri(presence.tri);
  const out: Candidate[] = [];
  const agreementUnknowns = new Unknowns();
  const viaAgreement = { stored: agreementReach(ctx, ce, view, true, agreementUnknowns), live: agreementReach(ctx, ce, view, false, agreementUnknowns) };
  let knownStored = false;
  view.profile.instruments.forEach((inst, i) => {
    if (!isAccessInstrument(inst)) return;
    const category = reachesCategory(inst.categories, ce.entry.category);
    const inForce = view.instruments[i];
    if (category === 'no' || inForce === 'no') return;
    const stored = inst.reaches !== 'live';
    const live = inst.reaches !== 'stored';
    const extra = EXTRA[String(inst.extraterritorial)](ext);
    const reach = max(max(present, extra), stored ? viaAgreement.stored : viaAgreement.live);
    if (reach.hi === 0) return;
    const posture = policyPosture(ctx, ce.entry.category, code, inst);
    const weight = instrumentWeight(inst, params);
    const unknowns = new Unknowns();
    const at = indexed('/instruments', i);
    if (inForce === 'unknown') unknowns.jurisdiction(`${at}/inForce`, 'whether it was in force on the law date is not known');
    if (category === 'unknown') unknowns.jurisdiction(`${at}/categories`, 'which categories it reaches is not known');
    if (inst.kind === 'unknown') unknowns.jurisdiction(`${at}/kind`, 'kind of process not known');
    if (inst.judicialReview === 'unknown') unknowns.jurisdiction(`${at}/judicialReview`, 'judicial review not known');
    if (inst.gagOrder === 'unknown') unknowns.jurisdiction(`${at}/gagOrder`, 'gag not known');
    const shared = [unknowns];
    if (isWide(reach)) {
      shared.push(presence.unknowns, agreementUnknowns);
      if (inst.extraterritorial === 'unknown') unknowns.jurisdiction(`${at}/extraterritorial`, 'extraterritorial reach not known');
    }
    for (const p of posture.unanswered ?? []) unknowns.declaration(p, 'policy for this process not disclosed');
    if (stored && inForce === 'yes' && category === 'yes' && presence.tri === 'yes') knownStored = true;
    out.push({
      weight: product(weight, reach, fromTri(inForce), fromTri(category), posture.multiplier),
      stored,
      live,
      pointer: at,
      reading: describeInstrument(inst),
      declaration: [...(presence.tri !== 'no' ? presence.pointers : []), ...posture.pointers],
      unknowns: shared,
    });
  });
  const unknownLaw = params.unknownLaw.weight.value;
  const virtual = (pointer: string, reach: Range, stored: boolean, live: boolean, note: string) => {
    const unknowns = new Unknowns();
    unknowns.jurisdiction(pointer, note);
    out.push({ weight: { lo: 0, hi: unknownLaw * reach.hi }, stored, live, pointer, reading: `a power the profile of ${code} does not record (${note})`, declaration: presence.pointers, unknowns: [unknowns, presence.unknowns] });
  };
  if (!knownStored && presence.tri !== 'no' && ce.entry.collected !== 'no')
    virtual('/instruments', present, true, false, 'no recorded instrument in force on the law date reaches this stored data of a provider present here');
  for (const gap of gapsFor(view, 'stored-access', ce.entry.category)) virtual(indexed('/coverage/gaps', gap.at), present, true, false, 'the profile does not cover powers to demand this stored data');
  for (const gap of gapsFor(view, 'live-interception', ce.entry.category)) virtual(indexed('/coverage/gaps', gap.at), present, false, true, 'the profile does not cover powers to intercept this data');
  for (const gap of gapsFor(view, 'cross-border', ce.entry.category)) virtual(indexed('/coverage/gaps', gap.at), exact(ext), true, true, 'the profile does not cover cross-border powers');
  return out;
}

/** Whether an encryption power of the jurisdiction in force reaches the provider for this category. */
export function encryptionPower(ctx: ScoringContext, index: number, view: LawView, presence: Presence): { tri: Tri; pointers: string[]; unknowns: Unknowns } {
  const ce = ctx.entries[index];
  let tri: Tri = 'no';
  const pointers: string[] = [];
  const unknowns = new Unknowns();
  view.profile.instruments.forEach((inst, i) => {
    const weakens: Tri = inst.weakensEncryption === true ? 'yes' : inst.weakensEncryption === 'unknown' ? 'unknown' : 'no';
    const reaches: Tri = or(presence.tri, inst.extraterritorial === true ? 'yes' : inst.extraterritorial === 'unknown' ? 'unknown' : 'no');
    const applies = and(and(weakens, view.instruments[i]), and(reachesCategory(inst.categories, ce.entry.category), reaches));
    if (applies === 'no') return;
    const at = indexed('/instruments', i);
    pointers.push(at);
    if (applies === 'unknown') {
      unknowns.jurisdiction(at, 'whether this power over encryption applies here on the law date is not fully known');
      if (presence.tri === 'unknown') unknowns.merge(presence.unknowns);
    }
    tri = or(tri, applies);
  });
  for (const gap of gapsFor(view, 'encryption', ce.entry.category)) {
    const applies = and('unknown', or(presence.tri, 'unknown'));
    tri = or(tri, applies);
    unknowns.jurisdiction(indexed('/coverage/gaps', gap.at), 'the profile does not cover powers over encryption');
  }
  return { tri, pointers, unknowns };
}
