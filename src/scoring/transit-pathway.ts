import type { Tri } from '../law/in-force.js';
import { indexed } from './facts.js';
import { READABLE_IN_TRANSIT } from './category-entries.js';
import type { CategoryLaw } from './category-law.js';
import { and, type LawView } from './law-view.js';
import { exact, fromTri, isWide, max, ONE, span, times, ZERO, type Range } from './range.js';
import type { ScoringContext, StatutePosition, Users } from './scoring-context.js';
import { NO_LISTS, NO_PATHWAY, rawPathway, type RawPathway, type Unknown } from './types.js';

type Mandate = CategoryLaw['interception'][number]['m'];
interface Strongest {
  weight: Range;
  at?: string;
  m?: Mandate;
  unknowns: Unknown[];
}


/** The strongest interception mandate in force on the law date that reaches the category and applies to the provider. */
function strongestMandate(law: CategoryLaw, telecom: Tri): Strongest {
  // By whether telecom-scoped mandates bind the provider: law data only, worked out once.
  const byTelecom = (law.derived.strongestInterception ??= {}) as Partial<Record<Tri, Strongest>>;
  let best = byTelecom[telecom];
  if (best !== undefined) return best;
  best = { weight: ZERO, unknowns: [] };
  for (const f of law.interception) {
    const applies: Tri = f.m.appliesTo === 'telecom-operators' ? telecom : f.m.appliesTo === 'unknown' ? 'unknown' : 'yes';
    const tri = and(f.applies, applies);
    if (tri === 'no') continue;
    const w = times(fromTri(tri), f.kind);
    if (w.hi <= best.weight.lo) continue;
    if (isWide(w)) best.unknowns.push(f.unknown);
    best = w.hi >= best.weight.hi ? { weight: max(best.weight, w), at: f.at, m: f.m, unknowns: best.unknowns } : { ...best, weight: max(best.weight, w) };
  }
  byTelecom[telecom] = best;
  return best;
}

/** Multiplier when the provider says it is not subject to this jurisdiction's interception statutes. */
export function statutePosition(ctx: ScoringContext, code: string): StatutePosition {
  const notSubject = ctx.params.transit.notSubject.value;
  const statutes = ctx.decl.legalProcess?.interceptionStatutes;
  if (statutes === undefined) return { factor: span(notSubject, 1), pointers: ['/legalProcess/interceptionStatutes'], unknowns: [ctx.unanswered('/legalProcess/interceptionStatutes', 'interception statutes not answered')] };
  let best = { factor: exact(1) as Range, pointers: [] as string[] };
  const unknowns: Unknown[] = [];
  statutes.forEach((s, i) => {
    if (s.jurisdiction !== code) return;
    const at = indexed('/legalProcess/interceptionStatutes', i);
    const f = s.position === 'not-subject' ? exact(notSubject) : s.position === 'undisclosed' ? span(notSubject, 1) : exact(1);
    if (s.position === 'undisclosed') unknowns.push(ctx.unanswered(`${at}/position`, 'position on the statute not disclosed'));
    if (f.lo < best.factor.lo || f.hi < best.factor.hi) best = { factor: { lo: Math.min(f.lo, best.factor.lo), hi: Math.min(f.hi, best.factor.hi) }, pointers: [at] };
  });
  return { ...best, unknowns };
}

/**
 * Interception in transit: the category crosses networks without end-to-end encryption, and the
 * jurisdiction mandates interception capability or someone on the path can observe it. A
 * missing interception list is unanswered (anyone may observe, or no one); a present list names
 * every party that can observe or retain.
 *
 * It concerns users who are in J: with `users` it is the pathway of J's cell, scaled by whether
 * the provider has users in J (`provider.markets`); without, it is the exposure of a user who
 * travels to J, shown apart from the cell where the provider declares no users there.
 */
export function transitPathway(ctx: ScoringContext, index: number, view: LawView, law: CategoryLaw, users?: Users): RawPathway {
  const ce = ctx.entries[index];
  const entry = ce.entry;
  if (entry.collected === 'no') return NO_PATHWAY;
  const t = ctx.params.transit;
  const inTransit = entry.protection?.inTransit;
  const readableOnly = (inTransit as string) === READABLE_IN_TRANSIT;
  const unanswered = inTransit === undefined || inTransit === 'undisclosed' || readableOnly;
  // Unanswered protection lies between end to end (nothing to see) and none; known to be readable by the provider (P13), between transport and none.
  const protection = unanswered ? span(readableOnly ? t.protection.transport.value : t.protection['end-to-end'].value, t.protection.none.value) : exact(t.protection[inTransit].value);
  if (protection.hi === 0) return NO_PATHWAY;
  const mandate = strongestMandate(law, ctx.telecom);
  const statute = ctx.statutes(view);
  const observers = ce.observers;
  const reach = t.observerReach.value;
  // anyOf of the mandate (scaled by the statute position) and the observers, then times the protection (range.ts operations, inlined).
  const mLo = mandate.weight.lo * statute.factor.lo;
  const mHi = mandate.weight.hi * statute.factor.hi;
  const oLo = observers.weight.lo * reach;
  const oHi = observers.weight.hi * reach;
  const present = users === undefined ? ONE : fromTri(users.tri);
  const lo = present.lo * protection.lo * (1 - (1 - clamp01(mLo)) * (1 - clamp01(oLo)));
  const hi = present.hi * protection.hi * (1 - (1 - clamp01(mHi)) * (1 - clamp01(oHi)));
  if (hi <= 0) return NO_PATHWAY;
  const exposure = { lo, hi };
  let unknowns: Unknown[] = NO_UNKNOWNS;
  if (hi > lo) {
    unknowns = [];
    if (unanswered) unknowns.push(ce.unknowns.inTransit);
    for (const u of mandate.unknowns) unknowns.push(u);
    for (const u of statute.unknowns) unknowns.push(u);
    for (const u of observers.unknowns) unknowns.push(u);
    if (users !== undefined) for (const u of users.unknowns) unknowns.push(u);
  }
  const m = mandate.m;
  let declaration = (ce.cites.inTransit ??= ctx.facts.declaration.add(ce.at.category).add(ce.at.inTransit)).add(observers.at >= 0 ? indexed(ce.at.interception, observers.at) : ce.at.interception);
  declaration = declaration.addAll(statute.pointers);
  if (users !== undefined) declaration = declaration.addAll(users.pointers);
  return rawPathway(
    exposure,
    false,
    m ? m.name : 'observers on the path',
    ctx.full && explanation(ctx, index, view, m, observers, users),
    ctx.facts.facts(declaration, ctx.facts.jurisdiction.add(mandate.at ?? '/interceptionMandates')),
    NO_LISTS,
    unknowns,
  );
}

const NO_UNKNOWNS: Unknown[] = Object.freeze([]) as unknown as Unknown[];

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 1;
}

function explanation(ctx: ScoringContext, index: number, view: LawView, m: Mandate | undefined, observers: { weight: Range; at: number }, users: Users | undefined): string {
  const entry = ctx.entries[index].entry;
  const inTransit = entry.protection?.inTransit;
  const unanswered = inTransit === undefined || inTransit === 'undisclosed';
  const protectionReading = unanswered ? 'its protection in transit is not disclosed' : (inTransit as string) === READABLE_IN_TRANSIT ? 'its protection in transit is not disclosed, but the provider can read it on the way' : inTransit === 'none' ? 'it travels unencrypted' : 'it travels with transport encryption only, not end to end';
  const code = view.profile.code;
  const who = users === undefined ? `For a user of the service who travels to ${code} (the provider declares no users there, so this is not part of the cell): ` : users.tri === 'unknown' ? `If the service has users in ${code} (not said): ` : '';
  return `${who}${entry.category}: ${protectionReading}; ${m ? `${m.name} obliges operators in ${view.profile.code} to be able to intercept it` : `no interception mandate of ${view.profile.code} reaches it`}${observers.weight.hi > 0 ? (entry.interception === undefined ? '; the provider does not say who can intercept it on the way' : observers.at >= 0 ? `; the provider says a ${entry.interception[observers.at].party} can ${entry.interception[observers.at].capability} it on the way` : '') : ''}.`;
}
