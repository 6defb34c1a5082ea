import { readingOf, type Candidate } from './access-candidates.js';
import type { Compliance } from './compliance-share.js';
import { exact, isWide, span, ZERO, type Range } from './range.js';
import type { Window } from './retention-window.js';
import type { ScoringContext } from './scoring-context.js';
import { NO_PATHWAY, type RawPathway, type Unknown } from './types.js';

type Protection = 'end-to-end' | 'provider-managed' | 'transport' | 'none' | 'undisclosed' | undefined;

/** Whether the provider itself can read data with this protection: end to end it cannot; unanswered, it may. */
export function readable(protection: Protection): Range {
  return protection === 'end-to-end' ? exact(0) : protection === undefined || protection === 'undisclosed' ? span(0, 1) : exact(1);
}

/** The complement: whether data with this protection is end to end. */
export function endToEnd(protection: Protection): Range {
  return protection === 'end-to-end' ? exact(1) : protection === undefined || protection === 'undisclosed' ? span(0, 1) : exact(0);
}

export interface Demand {
  exposure: Range;
  best?: Candidate;
  stored: boolean;
  live: boolean;
  unknowns: Unknown[];
}

/**
 * What the candidates obtain of data that is `stored` (a share, for as long as the window keeps
 * it) and `live` (a share, where the provider can intercept): the strongest candidate on each
 * bound, scaled by the provider's compliance share. Unknowns come from every candidate that
 * could have raised the worst case above the established value.
 */
export function demand(ctx: ScoringContext, candidates: readonly Candidate[], stored: Range, live: Range, window: Window, compliance: Compliance): Demand {
  // Scalar arithmetic on both ends (the same operations as range.ts): this runs for every candidate of every cell.
  const sLo = stored.lo * window.factor.lo;
  const sHi = stored.hi * window.factor.hi;
  const lLo = live.lo * ctx.live.multiplier.lo;
  const lHi = live.hi * ctx.live.multiplier.hi;
  const cLo = compliance.multiplier.lo;
  const cHi = compliance.multiplier.hi;
  let lo = 0;
  let hi = 0;
  let best = -1;
  const his: number[] = new Array(candidates.length);
  const los: number[] = new Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    const s0 = c.stored ? sLo : 0;
    const s1 = c.stored ? sHi : 0;
    const l0 = c.live ? lLo : 0;
    const l1 = c.live ? lHi : 0;
    const eLo = c.weight.lo * (1 - (1 - s0) * (1 - l0)) * cLo;
    const eHi = c.weight.hi * (1 - (1 - s1) * (1 - l1)) * cHi;
    los[i] = eLo;
    his[i] = eHi;
    if (eHi === 0) continue;
    if (best < 0 || eHi > hi || (eHi === hi && eLo > los[best])) best = i;
    if (eLo > lo) lo = eLo;
    if (eHi > hi) hi = eHi;
  }
  if (best < 0) return { exposure: ZERO, stored: false, live: false, unknowns: [] };
  const top = candidates[best];
  const unknowns: Unknown[] = [];
  if (hi > lo) {
    const merged = new Set<readonly Unknown[]>();
    let liveOpen = false;
    for (let i = 0; i < candidates.length; i++) {
      if (his[i] <= lo || his[i] <= los[i]) continue;
      const c = candidates[i];
      for (const u of c.unknowns) merged.add(u);
      if (c.stored && sHi > 0 && isWide(window.factor)) merged.add(window.unknowns.list);
      if (c.live && lHi > 0) liveOpen = true;
    }
    for (const list of merged) for (const u of list) unknowns.push(u);
    if (liveOpen && ctx.live.unanswered) for (const at of ctx.live.unanswered) unknowns.push(ctx.unanswered(at, 'whether the provider can intercept in real time is not disclosed'));
    if (compliance.unknown) unknowns.push(ctx.unanswered(compliance.unknown, 'request figures leave the compliance share open'));
  }
  return { exposure: { lo, hi }, best: top, stored: top.stored && sHi > 0, live: top.live && lHi > 0, unknowns };
}

/**
 * Compelled from the provider: the jurisdiction's law reaches the provider and the provider can
 * read the category. The weakest safeguard reaching it decides; stored data counts for as long
 * as it exists, live data where the provider can intercept; policies and compliance scale it.
 */
export function compelledPathway(ctx: ScoringContext, index: number, code: string, candidates: readonly Candidate[], window: Window, compliance: Compliance): RawPathway {
  const ce = ctx.entries[index];
  if (ce.entry.collected === 'no') return NO_PATHWAY;
  const protection = ce.entry.protection;
  const d = demand(ctx, candidates, readable(protection?.atRest), readable(protection?.inTransit), window, compliance);
  if (d.best === undefined) return NO_PATHWAY;
  const unknowns = d.unknowns;
  if (isWide(d.exposure) && (protection?.atRest === undefined || protection.atRest === 'undisclosed' || protection.inTransit === undefined || protection.inTransit === 'undisclosed'))
    unknowns.push(ctx.unanswered(ce.at.protection, 'protection not disclosed: the provider may be able to read it'));
  if (isWide(d.exposure) && ce.entry.collected !== 'yes') unknowns.push(ctx.unanswered(ce.at.collected, ce.listed ? 'whether it is collected is not disclosed' : `${ce.entry.category} is not listed: whether it is collected is not answered`));
  const best = d.best;
  const what = [d.stored ? 'stored data while it is kept' : '', d.live ? 'communications in real time' : ''].filter(Boolean).join(' and ');
  const declaration = [ce.at.category, ce.at.protection, ...best.declaration, ...compliance.pointers];
  if (d.live) declaration.push(...ctx.live.pointers);
  if (d.stored) declaration.push(...window.facts.declaration);
  return {
    exposure: d.exposure,
    usesWindow: d.stored,
    summary: best.inst ? `${best.inst.kind} (${best.pointer}): ${what}` : `unrecorded power (${best.pointer})`,
    explanation: ctx.full && `The provider ${ce.entry.protection?.atRest === 'end-to-end' && ce.entry.protection?.inTransit === 'end-to-end' ? 'cannot' : 'may be able to'} read ${ce.entry.category}. The weakest safeguard reaching it is ${readingOf(best, code)}, which obtains ${what}; ${compliance.explanation}.`,
    facts: { declaration, jurisdiction: [best.pointer, ...(d.stored ? window.facts.jurisdiction : [])] },
    unknowns,
  };
}
