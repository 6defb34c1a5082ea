import { readingOf, type Candidate } from './access-candidates.js';
import type { Compliance } from './compliance-share.js';
import { isWide, ONE, UNIT, ZERO, type Range } from './range.js';
import type { Window } from './retention-window.js';
import type { ScoringContext } from './scoring-context.js';
import { NO_PATHWAY, rawPathway, type RawPathway, type Unknown } from './types.js';

type Protection = 'end-to-end' | 'provider-managed' | 'transport' | 'none' | 'undisclosed' | undefined;

/** Whether the provider itself can read data with this protection: end to end it cannot; unanswered, it may. */
export function readable(protection: Protection): Range {
  return protection === 'end-to-end' ? ZERO : protection === undefined || protection === 'undisclosed' ? UNIT : ONE;
}

/** The complement: whether data with this protection is end to end. */
export function endToEnd(protection: Protection): Range {
  return protection === 'end-to-end' ? ONE : protection === undefined || protection === 'undisclosed' ? UNIT : ZERO;
}

export interface Demand {
  exposure: Range;
  best?: Candidate;
  stored: boolean;
  live: boolean;
  /** Shared lists of the candidates that widen it (read first; a list may recur: only where it is first met counts), then single unknowns. */
  lists: (readonly Unknown[])[];
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
  const n = candidates.length;
  if (los.length < n) {
    los = new Float64Array(2 * n);
    his = new Float64Array(2 * n);
  }
  for (let i = 0; i < n; i++) {
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
  if (best < 0) return NO_DEMAND;
  const top = candidates[best];
  const unknowns: Unknown[] = [];
  const lists: (readonly Unknown[])[] = [];
  if (hi > lo) {
    let liveOpen = false;
    const windowOpen = sHi > 0 && isWide(window.factor);
    for (let i = 0; i < n; i++) {
      if (his[i] <= lo || his[i] <= los[i]) continue;
      const c = candidates[i];
      // Many candidates share lists (presence, agreements): the cell reads each list once, where it is first met.
      const own = c.unknowns;
      for (let j = 0; j < own.length; j++) if (own[j].length > 0) lists.push(own[j]);
      if (c.stored && windowOpen && window.unknowns.length > 0) lists.push(window.unknowns);
      if (c.live && lHi > 0) liveOpen = true;
    }
    if (liveOpen && ctx.live.unanswered) for (const at of ctx.live.unanswered) unknowns.push(ctx.unanswered(at, 'whether the provider can intercept in real time is not disclosed'));
    if (compliance.unknown) unknowns.push(ctx.unanswered(compliance.unknown, 'request figures leave the compliance share open'));
  }
  return { exposure: { lo, hi }, best: top, stored: top.stored && sHi > 0, live: top.live && lHi > 0, lists, unknowns };
}

/** Exposure bounds of each candidate of the last `demand` (reused: a demand allocates none per candidate). */
let los = new Float64Array(32);
let his = new Float64Array(32);

const NO_DEMAND: Demand = Object.freeze({ exposure: ZERO, stored: false, live: false, lists: Object.freeze([]) as unknown as Unknown[][], unknowns: Object.freeze([]) as unknown as Unknown[] });

/** What a demand obtains, by stored (1) + live (2). */
const OBTAINS = ['', 'stored data while it is kept', 'communications in real time', 'stored data while it is kept and communications in real time'];

/** The compact reading of the strongest candidate: one string per instrument (or unrecorded power) and what it obtains, all from the law data. */
const summaries = new WeakMap<object, string[]>();
const unrecordedSummaries = new Map<string, string>();

function summaryOf(best: Candidate, stored: boolean, live: boolean): string {
  const inst = best.inst;
  if (inst === undefined) {
    let s = unrecordedSummaries.get(best.pointer);
    if (s === undefined) unrecordedSummaries.set(best.pointer, (s = `unrecorded power (${best.pointer})`));
    return s;
  }
  let byWhat = summaries.get(inst);
  if (byWhat === undefined) summaries.set(inst, (byWhat = []));
  const k = (stored ? 1 : 0) + (live ? 2 : 0);
  // An instrument sits at one place of its profile, so its pointer is fixed with it.
  return (byWhat[k] ??= `${inst.kind} (${best.pointer}): ${OBTAINS[k]}`);
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
  const what = OBTAINS[(d.stored ? 1 : 0) + (d.live ? 2 : 0)];
  let declaration = (ce.cites.protection ??= ctx.facts.declaration.add(ce.at.category).add(ce.at.protection)).addAll(best.declaration).addAll(best.policy).addAll(compliance.pointers);
  if (d.live) declaration = declaration.addAll(ctx.live.pointers);
  if (d.stored) declaration = declaration.addAll(window.facts.declaration);
  let jurisdiction = ctx.facts.jurisdiction.add(best.pointer);
  if (d.stored) jurisdiction = jurisdiction.addAll(window.facts.jurisdiction);
  return rawPathway(
    d.exposure,
    d.stored,
    ctx.cells === 'bounds' ? '' : summaryOf(best, d.stored, d.live),
    ctx.full && `The provider ${ce.entry.protection?.atRest === 'end-to-end' && ce.entry.protection?.inTransit === 'end-to-end' ? 'cannot' : 'may be able to'} read ${ce.entry.category}. The weakest safeguard reaching it is ${readingOf(best, code)}, which obtains ${what}; ${compliance.explanation}.`,
    ctx.facts.facts(declaration, jurisdiction),
    d.lists,
    unknowns,
  );
}
