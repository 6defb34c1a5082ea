import type { Tri } from '../law/in-force.js';
import type { CategoryEntry } from './category-entries.js';
import { indexed } from './facts.js';
import { and, reachesCategory, type LawView } from './law-view.js';
import { exact, fromTri, isWide, max, span, times, type Range } from './range.js';
import { curveFactor } from './retention-curve.js';
import type { ScoringContext } from './scoring-context.js';
import type { Facts, JurisdictionProfile, ModelParameters } from './types.js';
import { Unknowns } from './unknowns.js';

type Mandate = JurisdictionProfile['retentionMandates'][number];

export interface Window {
  factor: Range;
  explanation: string;
  facts: Facts;
  unknowns: Unknowns;
}

function durationFactor(m: Mandate, params: ModelParameters): Range {
  return m.duration === 'unknown' ? span(params.retention.points[0].factor, params.retention.indefinite.value) : exact(curveFactor(m.duration, params));
}

/** Whether a mandate's scope binds the provider: telecom operators, infrastructure providers, or any provider. */
function bindsProvider(m: Mandate, ctx: ScoringContext): Tri {
  switch (m.scope) {
    case 'telecom-operators':
      return ctx.telecom;
    case 'infrastructure-providers':
      return ctx.infrastructure;
    case 'unknown':
      return 'unknown';
    default:
      return 'yes';
  }
}

/**
 * The longest retention mandate of the jurisdiction in force on the law date that reaches the
 * category and binds the holder (`binds`: the provider's presence and the mandate's scope; a
 * local third party is bound whatever the scope), as a range, with the unknowns that widen it.
 */
export function mandateFloor(ctx: ScoringContext, view: LawView, category: string, binds: (m: Mandate) => Tri, unknowns: Unknowns): { factor: Range; at?: number } {
  let best: { factor: Range; at?: number } = { factor: exact(0) };
  view.profile.retentionMandates.forEach((m, i) => {
    const applies = and(and(view.retentionMandates[i], reachesCategory(m.categories, category)), binds(m));
    if (applies === 'no') return;
    const f = times(fromTri(applies), durationFactor(m, ctx.params));
    if (f.hi <= best.factor.lo) return;
    if (isWide(f)) unknowns.jurisdiction(indexed('/retentionMandates', i), `whether and how long ${m.name} binds here on ${ctx.lawDate} is not fully known`);
    if (f.hi > best.factor.hi || best.at === undefined) best = { factor: max(f, best.factor), at: i };
    else best = { factor: max(f, best.factor), at: best.at };
  });
  return best;
}

/** The coverage gaps of a profile for one kind of power that may reach `category`. */
export function gapsFor(view: LawView, power: string, category: string): { tri: Tri; at: number }[] {
  const out: { tri: Tri; at: number }[] = [];
  view.profile.coverage.gaps.forEach((g, at) => {
    if (!(g.powers as string[]).includes(power)) return;
    const tri = reachesCategory(g.categories, category);
    if (tri !== 'no') out.push({ tri: tri === 'yes' ? 'unknown' : 'unknown', at });
  });
  return out;
}

/**
 * How long the category exists to be demanded from the provider in this jurisdiction: the
 * declared retention, floored by the retention mandates in force that bind the provider there
 * (it is present, and the scope covers it) and by preservation powers that reach it (they keep
 * what is stored at all), as a range.
 */
export function retentionWindow(ctx: ScoringContext, index: number, view: LawView, present: Tri): Window {
  const ce: CategoryEntry = ctx.entries[index];
  const declared = ctx.declared[index];
  const unknowns = new Unknowns();
  if (declared.unanswered) unknowns.declaration(ce.at.retention, 'retention not disclosed');
  const presence = fromTri(present);
  const floor = mandateFloor(ctx, view, ce.entry.category, (m) => and(present, bindsProvider(m, ctx)), unknowns);
  let factor = max(declared.factor, floor.factor);
  const facts: Facts = { declaration: [ce.at.category, ce.at.retention], jurisdiction: [] };
  let explanation = `Declared: ${declared.reading}.`;
  if (floor.at !== undefined && floor.factor.hi > declared.factor.lo) {
    const m = view.profile.retentionMandates[floor.at];
    facts.jurisdiction.push(indexed('/retentionMandates', floor.at));
    if (m.scope === 'telecom-operators' || m.scope === 'infrastructure-providers') facts.declaration.push('/provider/services');
    explanation += ` ${m.name} ${floor.factor.lo > declared.factor.hi ? 'obliges' : 'may oblige'} the provider to keep it for ${m.duration === 'unknown' ? 'a period not known' : m.duration}.`;
  }
  // Preservation powers: a short window stretched by an order to keep what is already stored.
  view.profile.instruments.forEach((inst, i) => {
    if (inst.preserves === undefined) return;
    const applies = and(and(view.instruments[i], reachesCategory(inst.categories, ce.entry.category)), present);
    if (applies === 'no') return;
    const period = inst.preserves === 'unknown' ? span(ctx.params.retention.points[0].factor, ctx.params.retention.indefinite.value) : exact(curveFactor(inst.preserves, ctx.params));
    const f = times(times(fromTri(applies), declared.stored), period);
    if (f.hi <= factor.lo) return;
    if (isWide(f)) unknowns.jurisdiction(indexed('/instruments', i), `whether ${inst.name} can preserve it here is not fully known`);
    factor = max(factor, f);
    facts.jurisdiction.push(indexed('/instruments', i));
    explanation += ` ${inst.name} can make the provider keep what it stores for ${inst.preserves === 'unknown' ? 'a period not known' : inst.preserves}.`;
  });
  // A profile that says it does not cover retention for this category: an unknown mandate, up to indefinite.
  for (const gap of gapsFor(view, 'retention', ce.entry.category)) {
    factor = max(factor, times(presence, span(0, ctx.params.retention.indefinite.value)));
    if (present !== 'no') unknowns.jurisdiction(indexed('/coverage/gaps', gap.at), 'the profile does not cover retention mandates here');
  }
  return { factor, explanation, facts, unknowns };
}
