import type { Tri } from '../law/in-force.js';
import { endToEnd } from './compelled-pathway.js';
import { indexed } from './facts.js';
import type { CategoryLaw } from './category-law.js';
import type { LawView } from './law-view.js';
import { placeUnder } from './legal-reach.js';
import { anyOf, exact, fromTri, isWide, max, product, span, times, ZERO, type Range } from './range.js';
import { mandateFloor } from './retention-window.js';
import type { ScoringContext } from './scoring-context.js';
import { NO_PATHWAY, type Declaration, type ModelParameters, type RawPathway } from './types.js';
import { Unknowns } from './unknowns.js';

type ThirdParty = NonNullable<Declaration['thirdParties']>[number];

/** What a third party can do: plain access, OR-ed with each declared capability; undisclosed up to the worst. */
function capabilityFactor(tp: ThirdParty, params: ModelParameters): { factor: Range; reading: string; retains: Range; unanswered: boolean } {
  const t = params.thirdParty;
  const caps = tp.capabilities;
  const known = Array.isArray(caps) ? caps.filter((c): c is Exclude<typeof c, 'undisclosed'> => c !== 'undisclosed') : [];
  const base = anyOf([exact(t.access.value), ...known.map((c) => exact(t.capabilities[c].value))]);
  const retains = known.includes('content-retention');
  if (caps === undefined || caps === 'undisclosed' || caps.includes('undisclosed'))
    return { factor: span(base.lo, Math.max(base.hi, t.capabilities.undisclosed.value)), reading: 'its capabilities are not (fully) disclosed', retains: retains ? exact(1) : span(0, 1), unanswered: true };
  return { factor: base, reading: known.length > 0 ? `it can do ${known.join(', ')}` : 'it has access, with no declared surveillance capability', retains: exact(retains ? 1 : 0), unanswered: false };
}

/** Whether end-to-end protection shields the category from this party: not if it ships the client. */
function shieldedFrom(tp: ThirdParty | undefined, e2e: Range): { open: Range; unanswered: boolean } {
  const ships = tp?.distributesClient;
  const shipsTri: Tri = ships === true ? 'yes' : ships === false ? 'no' : 'unknown';
  // Readable by the party = not end to end, or it ships the client.
  const notE2e = { lo: 1 - e2e.hi, hi: 1 - e2e.lo };
  const s = fromTri(shipsTri);
  return { open: { lo: Math.max(notE2e.lo, s.lo), hi: Math.max(notE2e.hi, s.hi) }, unanswered: shipsTri === 'unknown' && e2e.hi > 0 };
}

/**
 * A declaration without a `thirdParties` section does not answer question 4: there may be none
 * (the established value) or a licensee here with undisclosed capabilities that ships the client
 * and keeps what it sees (the worst case). `thirdParties: []` says there are none.
 */
function unansweredThirdParties(ctx: ScoringContext, index: number, view: LawView): RawPathway {
  const params = ctx.params;
  const t = params.thirdParty;
  const relationship = Math.max(...Object.values(t.relationship).map((r) => r.value));
  const worst = relationship * t.capabilities.undisclosed.value * (t.retentionFloor.value + (1 - t.retentionFloor.value) * params.retention.indefinite.value);
  const ce = ctx.entries[index];
  return {
    exposure: { lo: 0, hi: worst },
    usesWindow: true,
    summary: 'third parties not declared',
    explanation: ctx.full && `The declaration has no thirdParties section, so it does not say whether licensees, processors or partners under the law of ${view.profile.code} can reach ${ce.entry.category}: none at best, a licensee that ships the client and keeps everything at worst (write an empty list to declare none).`,
    facts: { declaration: [ce.at.category, '/thirdParties'], jurisdiction: ['/code'] },
    unknowns: [{ pointer: '/thirdParties', side: 'declaration', note: 'third parties not declared (an empty list would say there are none)' }],
  };
}

/** The fact of the profile that puts a third party's seat under its law: a member listed by the union, or its own code. */
function seatPointer(seat: string | undefined, view: LawView): string {
  const member = seat === undefined ? undefined : view.members.get(seat);
  return member !== undefined ? indexed('/memberStates/members', member.at) : '/code';
}

/**
 * Through a third party: a licensee, processor, partner or affiliate under the jurisdiction's
 * law with access to the category. Capabilities weigh heavily; part of the exposure scales with
 * how long the data exists in its hands (floored by the jurisdiction's retention mandates, which
 * bind a local company whatever their scope). End-to-end protection shields the data unless the
 * party builds or distributes the client. The worst third party decides, on each bound.
 */
export function thirdPartyPathway(ctx: ScoringContext, index: number, view: LawView, law: CategoryLaw): RawPathway {
  const { decl, params } = ctx;
  const ce = ctx.entries[index];
  if (ce.entry.collected === 'no') return NO_PATHWAY;
  if (decl.thirdParties === undefined) return unansweredThirdParties(ctx, index, view);
  const t = params.thirdParty;
  const declared = ctx.declared[index];
  const protection = ce.entry.protection;
  // Shielded only when the content never exists in readable form outside the clients.
  const e2e = times(endToEnd(protection?.atRest), endToEnd(protection?.inTransit));
  let exposure: Range = ZERO;
  let best: { i: number; tp: ThirdParty; reading: string; seat: string; which: string } | undefined;
  let floorAt: string | undefined;
  const all = new Unknowns();
  decl.thirdParties.forEach((tp, i) => {
    const at = indexed('/thirdParties', i);
    const seat = tp.jurisdiction;
    const here: Tri = seat === undefined || seat === 'undisclosed' ? 'unknown' : placeUnder(seat, view, ctx);
    const reaches: Tri = tp.categories === undefined ? 'unknown' : tp.categories.includes(ce.entry.category) ? 'yes' : 'no';
    if (here === 'no' || reaches === 'no') return;
    const caps = capabilityFactor(tp, params);
    const unknowns = new Unknowns();
    const floor = mandateFloor(law, () => 'yes', unknowns);
    const held = max(declared.factor, floor.factor);
    const window = max(held, times(caps.retains, exact(params.retention.indefinite.value)));
    const shield = shieldedFrom(tp, e2e);
    const rf = t.retentionFloor.value;
    const kept = { lo: rf + (1 - rf) * window.lo, hi: rf + (1 - rf) * window.hi };
    const e = product(exact(t.relationship[tp.relationship].value), caps.factor, fromTri(here), fromTri(reaches), shield.open, kept);
    if (e.hi === 0) return;
    if (isWide(e) && e.hi > exposure.lo) {
      if (here === 'unknown') unknowns.declaration(`${at}/jurisdiction`, `seat of ${tp.name} not disclosed`);
      if (reaches === 'unknown') unknowns.declaration(`${at}/categories`, `which categories ${tp.name} can access is not disclosed`);
      if (caps.unanswered) unknowns.declaration(`${at}/capabilities`, `capabilities of ${tp.name} not disclosed`);
      if (shield.unanswered) unknowns.declaration(`${at}/distributesClient`, `whether ${tp.name} ships the client is not disclosed`);
      if (isWide(e2e)) unknowns.declaration(ce.at.protection, 'protection not disclosed: it may not be end to end');
      if (declared.unanswered) unknowns.declaration(ce.at.retention, 'retention not disclosed');
      all.merge(unknowns);
    }
    if (best === undefined || e.hi > exposure.hi) {
      const where = seat === undefined || seat === 'undisclosed' ? `its seat is not disclosed, so it may be in ${view.profile.code}` : `it operates under the law of ${view.profile.code} (${seat})`;
      const which = tp.categories === undefined ? `it does not say which categories, so ${ce.entry.category} may be among them` : `it has access to ${ce.entry.category}`;
      best = { i, tp, reading: caps.reading, seat: where, which };
      floorAt = floor.at !== undefined && floor.factor.hi > declared.factor.lo ? floor.at : undefined;
    }
    exposure = max(exposure, e);
  });
  if (best === undefined) return NO_PATHWAY;
  const b = best as { i: number; tp: ThirdParty; reading: string; seat: string; which: string };
  const at = indexed('/thirdParties', b.i);
  return {
    exposure,
    usesWindow: true,
    summary: `${b.tp.name} (${b.tp.relationship})`,
    explanation: ctx.full && `${b.tp.name} is a ${b.tp.relationship}: ${b.seat}; ${b.which}; ${b.reading}${b.tp.distributesClient === true ? '; it ships the client users run, so end-to-end encryption does not protect against it' : ''}.`,
    facts: {
      declaration: [ce.at.category, at, `${at}/capabilities`, ce.at.retention],
      jurisdiction: [seatPointer(b.tp.jurisdiction === 'undisclosed' ? undefined : b.tp.jurisdiction, view), ...(floorAt !== undefined ? [floorAt] : [])],
    },
    unknowns: isWide(exposure) ? all.list : [],
  };
}
