import type { Tri } from '../law/in-force.js';
import type { CategoryEntry } from './category-entries.js';
import type { CategoryLaw } from './category-law.js';
import { and } from './law-view.js';
import { fromTri, max, span, times, ZERO, type Range } from './range.js';
import type { ScoringContext } from './scoring-context.js';
import type { JurisdictionProfile, Unknown } from './types.js';

type Mandate = JurisdictionProfile['retentionMandates'][number];

export interface Window {
  factor: Range;
  /** In words, built only for full explanations (`explain=full`); empty otherwise. */
  explanation: string;
  /** What the window cites (shared lists: never edited). */
  facts: { declaration: readonly string[]; jurisdiction: readonly string[] };
  unknowns: readonly Unknown[];
}

const NONE: readonly string[] = Object.freeze([]);
const NO_UNKNOWNS: readonly Unknown[] = Object.freeze([]);

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
 * the holder (`present`, and with `ctx` the mandate's scope as it reads the provider's services;
 * without, a local third party, bound whatever the scope), as a range, with the unknowns that widen it (added to `unknowns`).
 */
export function mandateFloor(law: CategoryLaw, present: Tri, ctx: ScoringContext | undefined, unknowns: Unknown[]): { factor: Range; at?: string; m?: Mandate; period?: string } {
  let lo = 0;
  let hi = 0;
  let at: string | undefined;
  let m: Mandate | undefined;
  let period: string | undefined;
  for (const f of law.mandates) {
    const applies = and(f.applies, ctx === undefined ? present : and(present, bindsProvider(f.m, ctx)));
    if (applies === 'no') continue;
    const t = fromTri(applies);
    const fLo = t.lo * f.duration.lo;
    const fHi = t.hi * f.duration.hi;
    if (fHi <= lo) continue;
    if (fHi > fLo) unknowns.push(f.unknown);
    if (fHi > hi || at === undefined) {
      at = f.at;
      m = f.m;
      period = f.period;
    }
    lo = Math.max(fLo, lo);
    hi = Math.max(fHi, hi);
  }
  return at === undefined ? NO_FLOOR : { factor: { lo, hi }, at, m, period };
}

const NO_FLOOR: { factor: Range; at?: string; m?: Mandate; period?: string } = Object.freeze({ factor: ZERO });

/**
 * How long the category exists to be demanded from the provider in this jurisdiction: the
 * declared retention, floored by the retention mandates in force that bind the provider there
 * (it is present, and the scope covers it) and by preservation powers that reach it (they keep
 * what is stored at all), as a range.
 */
export function retentionWindow(ctx: ScoringContext, index: number, law: CategoryLaw, present: Tri): Window {
  const ce: CategoryEntry = ctx.entries[index];
  const declared = ctx.declared[index];
  const unknowns: Unknown[] = [];
  if (declared.unanswered) unknowns.push(ce.unknowns.retention);
  const floor = law.mandates.length === 0 ? NO_FLOOR : mandateFloor(law, present, ctx, unknowns);
  let factor = max(declared.factor, floor.factor);
  let declaration = ce.retentionFacts;
  let jurisdiction: string[] | undefined;
  const notes: string[] | undefined = ctx.full ? [`Declared: ${declared.reading}.`] : undefined;
  if (floor.m !== undefined && floor.at !== undefined && floor.factor.hi > declared.factor.lo) {
    const m = floor.m;
    jurisdiction = [floor.at];
    if (m.scope === 'telecom-operators' || m.scope === 'infrastructure-providers') declaration = ce.retentionServicesFacts;
    notes?.push(`${m.name} ${floor.factor.lo > declared.factor.hi ? 'obliges' : 'may oblige'} the provider to keep it for ${floor.period === 'unknown' ? 'a period not known' : floor.period}.`);
  }
  // Preservation powers: a short window stretched by an order to keep what is already stored.
  for (const f of law.preservation) {
    const applies = and(f.applies, present);
    if (applies === 'no') continue;
    const stretched = times(times(fromTri(applies), declared.stored), f.period);
    if (stretched.hi <= factor.lo) continue;
    if (stretched.hi > stretched.lo) unknowns.push(f.unknown);
    factor = max(factor, stretched);
    (jurisdiction ??= []).push(f.at);
    notes?.push(`${f.inst.name} can make the provider keep what it stores for ${f.inst.preserves === 'unknown' ? 'a period not known' : f.inst.preserves}.`);
  }
  // A profile that says it does not cover retention for this category: an unknown mandate, up to indefinite.
  const gaps = law.gapsOf.retention;
  if (gaps.length > 0 && present !== 'no') {
    factor = max(factor, times(fromTri(present), span(0, ctx.params.retention.indefinite.value)));
    for (const g of gaps) unknowns.push(g);
  }
  return { factor, explanation: notes ? notes.join(' ') : '', facts: { declaration, jurisdiction: jurisdiction ?? NONE }, unknowns: unknowns.length > 0 ? unknowns : NO_UNKNOWNS };
}
