import { readingOf, type Candidate } from './access-candidates.js';
import { demand, endToEnd } from './compelled-pathway.js';
import type { Compliance } from './compliance-share.js';
import { exact, fromTri, isWide, product } from './range.js';
import type { Window } from './retention-window.js';
import type { ScoringContext } from './scoring-context.js';
import { NO_LISTS, NO_PATHWAY, rawPathway, type RawPathway, type Unknown } from './types.js';

const NO_UNKNOWNS: Unknown[] = Object.freeze([]) as unknown as Unknown[];

/**
 * Encryption powers: an instrument in force that can compel the provider to weaken or bypass its
 * own encryption reaches end-to-end data where it reaches the provider. It weighs what the same
 * demands would obtain of readable data, times the encryption factor (below 1, so end-to-end
 * never raises exposure, P5) and what the provider says it does with such orders.
 */
export function encryptionPathway(ctx: ScoringContext, index: number, candidates: readonly Candidate[], power: { tri: 'yes' | 'no' | 'unknown'; pointers: string[]; unknowns: Unknown[] }, code: string, window: Window, compliance: Compliance): RawPathway {
  const ce = ctx.entries[index];
  if (ce.entry.collected === 'no' || power.tri === 'no') return NO_PATHWAY;
  const protection = ce.entry.protection;
  const d = demand(ctx, candidates, endToEnd(protection?.atRest), endToEnd(protection?.inTransit), window, compliance);
  if (d.best === undefined) return NO_PATHWAY;
  const factor = exact(ctx.params.encryptionPowers.factor.value);
  const exposure = product(d.exposure, factor, ctx.encryptionDemands.multiplier, fromTri(power.tri));
  if (exposure.hi === 0) return NO_PATHWAY;
  const unknowns = isWide(exposure) ? d.unknowns : NO_UNKNOWNS;
  if (isWide(exposure)) for (const u of power.unknowns) unknowns.push(u);
  if (isWide(exposure) && ctx.encryptionDemands.unanswered) for (const at of ctx.encryptionDemands.unanswered) unknowns.push(ctx.unanswered(at, 'what the provider does with orders to weaken its encryption is not disclosed'));
  if (isWide(exposure) && (protection?.atRest === undefined || protection.atRest === 'undisclosed' || protection.inTransit === undefined || protection.inTransit === 'undisclosed'))
    unknowns.push(ctx.unanswered(ce.at.protection, 'protection not disclosed: it may be end to end'));
  return rawPathway(
    exposure,
    d.stored,
    'an order to weaken or bypass the provider\'s encryption',
    ctx.full && `${ce.entry.category} is (or may be) end-to-end encrypted, but an instrument of ${code} can compel the provider to weaken or bypass its encryption; with ${readingOf(d.best!, code)} that would obtain it, weighed at ${ctx.params.encryptionPowers.factor.value} of a demand for readable data${ctx.encryptionDemands.unanswered ? ', and the provider does not say whether it would refuse' : ''}.`,
    ctx.facts.facts((ce.cites.protection ??= ctx.facts.declaration.add(ce.at.category).add(ce.at.protection)).add('/legalProcess/encryptionDemands').addAll(d.best.declaration).addAll(d.best.policy), ctx.facts.jurisdiction.addAll(power.pointers).add(d.best.pointer)),
    isWide(exposure) ? d.lists : NO_LISTS,
    unknowns,
  );
}

/**
 * End to end on one side and readable on the other (a side a feasibility constraint makes
 * readable, P13) gives two pathways that demand the same data: compelled on the readable side,
 * an encryption power on the end-to-end side. Together they never obtain more than the same
 * demands would if every side were readable (P5: end to end never raises a bound), so the
 * encryption pathway is capped, on each bound, at what is left of that above the compelled one.
 * `raw` is [compelled, third-party, transit, encryption].
 */
export function capEncryption(ctx: ScoringContext, index: number, raw: RawPathway[], candidates: readonly Candidate[], window: Window, compliance: Compliance): void {
  const enc = raw[3];
  const compelled = raw[0].exposure;
  if (enc.exposure.hi <= 0 || compelled.hi <= 0) return;
  // Where neither side is surely end to end, the compelled pathway's high end already reads both as readable
  // (the all-readable demand), and a low end of 0 needs no cap: no second demand then.
  const p = ctx.entries[index].entry.protection;
  const openHi = p?.atRest !== 'end-to-end' && p?.inTransit !== 'end-to-end';
  const all = openHi && enc.exposure.lo === 0 ? { lo: 0, hi: compelled.hi } : demand(ctx, candidates, exact(1), exact(1), window, compliance).exposure;
  const room = (d: number, c: number) => (c >= 1 ? 0 : Math.max(0, (d - c) / (1 - c)));
  const lo = Math.min(enc.exposure.lo, room(all.lo, compelled.lo));
  const hi = Math.min(enc.exposure.hi, room(all.hi, compelled.hi));
  if (lo === enc.exposure.lo && hi === enc.exposure.hi) return;
  raw[3] = { ...enc, exposure: { lo: Math.min(lo, hi), hi } };
}
