import type { Tri } from '../law/in-force.js';
import type { CategoryEntry } from './category-entries.js';
import type { CategoryLaw } from './category-law.js';
import { and } from './law-view.js';
import { exact, fromTri, max, span, times, type Range } from './range.js';
import type { ScoringContext } from './scoring-context.js';
import type { Facts, JurisdictionProfile } from './types.js';
import { Unknowns } from './unknowns.js';

type Mandate = JurisdictionProfile['retentionMandates'][number];

export interface Window {
  factor: Range;
  explanation: string;
  facts: Facts;
  unknowns: Unknowns;
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
 * The longest retention mandate in force on the law date that reaches the category and binds
 * the holder (`binds`: the provider's presence and the mandate's scope; a local third party is
 * bound whatever the scope), as a range, with the unknowns that widen it.
 */
export function mandateFloor(law: CategoryLaw, binds: (m: Mandate) => Tri, unknowns: Unknowns): { factor: Range; at?: string; m?: Mandate } {
  let best: { factor: Range; at?: string; m?: Mandate } = { factor: exact(0) };
  for (const f of law.mandates) {
    const applies = and(f.applies, binds(f.m));
    if (applies === 'no') continue;
    const factor = times(fromTri(applies), f.duration);
    if (factor.hi <= best.factor.lo) continue;
    if (factor.hi > factor.lo) unknowns.list.push(f.unknown);
    best = factor.hi > best.factor.hi || best.at === undefined ? { factor: max(factor, best.factor), at: f.at, m: f.m } : { ...best, factor: max(factor, best.factor) };
  }
  return best;
}

/**
 * How long the category exists to be demanded from the provider in this jurisdiction: the
 * declared retention, floored by the retention mandates in force that bind the provider there
 * (it is present, and the scope covers it) and by preservation powers that reach it (they keep
 * what is stored at all), as a range.
 */
export function retentionWindow(ctx: ScoringContext, index: number, law: CategoryLaw, present: Tri): Window {
  const ce: CategoryEntry = ctx.entries[index];
  const declared = ctx.declared[index];
  const unknowns = new Unknowns();
  if (declared.unanswered) unknowns.declaration(ce.at.retention, 'retention not disclosed');
  const floor = mandateFloor(law, (m) => and(present, bindsProvider(m, ctx)), unknowns);
  let factor = max(declared.factor, floor.factor);
  const facts: Facts = { declaration: [ce.at.category, ce.at.retention], jurisdiction: [] };
  const notes: string[] = [];
  if (floor.m !== undefined && floor.at !== undefined && floor.factor.hi > declared.factor.lo) {
    const m = floor.m;
    facts.jurisdiction.push(floor.at);
    if (m.scope === 'telecom-operators' || m.scope === 'infrastructure-providers') facts.declaration.push('/provider/services');
    notes.push(`${m.name} ${floor.factor.lo > declared.factor.hi ? 'obliges' : 'may oblige'} the provider to keep it for ${m.duration === 'unknown' ? 'a period not known' : m.duration}.`);
  }
  // Preservation powers: a short window stretched by an order to keep what is already stored.
  for (const f of law.preservation) {
    const applies = and(f.applies, present);
    if (applies === 'no') continue;
    const stretched = times(times(fromTri(applies), declared.stored), f.period);
    if (stretched.hi <= factor.lo) continue;
    if (stretched.hi > stretched.lo) unknowns.list.push(f.unknown);
    factor = max(factor, stretched);
    facts.jurisdiction.push(f.at);
    notes.push(`${f.inst.name} can make the provider keep what it stores for ${f.inst.preserves === 'unknown' ? 'a period not known' : f.inst.preserves}.`);
  }
  // A profile that says it does not cover retention for this category: an unknown mandate, up to indefinite.
  const gaps = law.gaps.get('retention');
  if (gaps && present !== 'no') {
    factor = max(factor, times(fromTri(present), span(0, ctx.params.retention.indefinite.value)));
    unknowns.list.push(...gaps);
  }
  return { factor, explanation: [`Declared: ${declared.reading}.`, ...notes].join(' '), facts, unknowns };
}
