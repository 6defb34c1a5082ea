import type { Tri } from '../law/in-force.js';
import { indexed } from './facts.js';
import type { CategoryLaw } from './category-law.js';
import { and, type LawView } from './law-view.js';
import { anyOf, exact, fromTri, isWide, max, span, times, ZERO, type Range } from './range.js';
import type { ScoringContext } from './scoring-context.js';
import { NO_PATHWAY, type RawPathway } from './types.js';
import { Unknowns } from './unknowns.js';

/** The strongest interception mandate in force on the law date that reaches the category and applies to the provider. */
function strongestMandate(ctx: ScoringContext, law: CategoryLaw, unknowns: Unknowns): { weight: Range; at?: string; m?: CategoryLaw['interception'][number]['m'] } {
  let best: { weight: Range; at?: string; m?: CategoryLaw['interception'][number]['m'] } = { weight: ZERO };
  for (const f of law.interception) {
    const applies: Tri = f.m.appliesTo === 'telecom-operators' ? ctx.telecom : f.m.appliesTo === 'unknown' ? 'unknown' : 'yes';
    const tri = and(f.applies, applies);
    if (tri === 'no') continue;
    const w = times(fromTri(tri), f.kind);
    if (w.hi <= best.weight.lo) continue;
    if (isWide(w)) unknowns.list.push(f.unknown);
    best = w.hi >= best.weight.hi ? { weight: max(best.weight, w), at: f.at, m: f.m } : { ...best, weight: max(best.weight, w) };
  }
  return best;
}

/** Multiplier when the provider says it is not subject to this jurisdiction's interception statutes. */
function statutePosition(ctx: ScoringContext, code: string, unknowns: Unknowns): { factor: Range; pointers: string[] } {
  const notSubject = ctx.params.transit.notSubject.value;
  const statutes = ctx.decl.legalProcess?.interceptionStatutes;
  if (statutes === undefined) {
    unknowns.declaration('/legalProcess/interceptionStatutes', 'interception statutes not answered');
    return { factor: span(notSubject, 1), pointers: ['/legalProcess/interceptionStatutes'] };
  }
  let best = { factor: exact(1) as Range, pointers: [] as string[] };
  statutes.forEach((s, i) => {
    if (s.jurisdiction !== code) return;
    const at = indexed('/legalProcess/interceptionStatutes', i);
    const f = s.position === 'not-subject' ? exact(notSubject) : s.position === 'undisclosed' ? span(notSubject, 1) : exact(1);
    if (s.position === 'undisclosed') unknowns.declaration(`${at}/position`, 'position on the statute not disclosed');
    if (f.lo < best.factor.lo || f.hi < best.factor.hi) best = { factor: { lo: Math.min(f.lo, best.factor.lo), hi: Math.min(f.hi, best.factor.hi) }, pointers: [at] };
  });
  return best;
}

/**
 * Interception in transit: the category crosses networks without end-to-end encryption, and the
 * jurisdiction mandates interception capability or someone on the path can observe it. A
 * missing interception list is unanswered (anyone may observe, or no one); a present list names
 * every party that can observe or retain.
 */
export function transitPathway(ctx: ScoringContext, index: number, view: LawView, law: CategoryLaw): RawPathway {
  const ce = ctx.entries[index];
  const entry = ce.entry;
  if (entry.collected === 'no') return NO_PATHWAY;
  const t = ctx.params.transit;
  const unknowns = new Unknowns();
  const inTransit = entry.protection?.inTransit;
  const unanswered = inTransit === undefined || inTransit === 'undisclosed';
  // Unanswered protection lies between end to end (nothing to see) and none.
  const protection = unanswered ? span(t.protection['end-to-end'].value, Math.max(t.protection.none.value, t.protection.undisclosed.value)) : exact(t.protection[inTransit].value);
  if (protection.hi === 0) return NO_PATHWAY;
  if (unanswered) unknowns.declaration(ce.at.inTransit, 'protection in transit not disclosed');
  const mandate = strongestMandate(ctx, law, unknowns);
  const statute = statutePosition(ctx, view.profile.code, unknowns);
  let observers: { weight: Range; at: number };
  if (entry.interception === undefined) {
    observers = { weight: span(0, t.observers.undisclosed.value), at: -1 };
    unknowns.declaration(ce.at.interception, 'who can intercept it on the way is not answered');
  } else
    observers = entry.interception.reduce(
      (best, e, i) => {
        if (e.party === 'provider') return best;
        const w = e.capability === 'undisclosed' ? span(0, t.observers.undisclosed.value) : exact(t.observers[e.capability].value);
        if (e.capability === 'undisclosed') unknowns.declaration(indexed(`${ce.at.interception}`, i), 'capability not disclosed');
        return w.hi > best.weight.hi ? { weight: max(best.weight, w), at: i } : { weight: max(best.weight, w), at: best.at };
      },
      { weight: ZERO as Range, at: -1 },
    );
  const exposure = times(protection, anyOf([times(mandate.weight, statute.factor), times(observers.weight, exact(t.observerReach.value))]));
  if (exposure.hi <= 0) return NO_PATHWAY;
  const m = mandate.m;
  const protectionReading = unanswered ? 'its protection in transit is not disclosed' : inTransit === 'none' ? 'it travels unencrypted' : 'it travels with transport encryption only, not end to end';
  return {
    exposure,
    summary: m ? `${m.name}` : 'observers on the path',
    explanation: ctx.full && `${entry.category}: ${protectionReading}; ${m ? `${m.name} obliges operators in ${view.profile.code} to be able to intercept it` : `no interception mandate of ${view.profile.code} reaches it`}${observers.weight.hi > 0 ? (entry.interception === undefined ? '; the provider does not say who can intercept it on the way' : observers.at >= 0 ? `; the provider says a ${entry.interception[observers.at].party} can ${entry.interception[observers.at].capability} it on the way` : '') : ''}.`,
    facts: {
      declaration: [ce.at.category, ce.at.inTransit, observers.at >= 0 ? indexed(ce.at.interception, observers.at) : ce.at.interception, ...statute.pointers],
      jurisdiction: [mandate.at ?? '/interceptionMandates'],
    },
    unknowns: isWide(exposure) ? unknowns.list : [],
  };
}
