import type { Tri } from '../law/in-force.js';
import { endToEnd } from './compelled-pathway.js';
import { indexed } from './facts.js';
import type { CategoryLaw } from './category-law.js';
import type { LawView } from './law-view.js';
import { placeUnder } from './legal-reach.js';
import { fromTri, isWide, times, ZERO, type Range } from './range.js';
import { mandateFloor } from './retention-window.js';
import type { ScoringContext } from './scoring-context.js';
import { worstCapabilities, type ThirdParty } from './third-party-facts.js';
import { NO_LISTS, NO_PATHWAY, rawPathway, type RawPathway, type Unknown } from './types.js';
import { unknown } from './unknowns.js';

const NO_UNKNOWNS: Unknown[] = Object.freeze([]) as unknown as Unknown[];
const THIRD_PARTIES_UNDECLARED: Unknown[] = Object.freeze([unknown('declaration', '/thirdParties', 'third parties not declared (an empty list would say there are none)')]) as unknown as Unknown[];

/**
 * A declaration without a `thirdParties` section does not answer question 4: there may be none
 * (the established value) or a licensee here with undisclosed capabilities that ships the client
 * and keeps what it sees (the worst case). `thirdParties: []` says there are none.
 */
function unansweredThirdParties(ctx: ScoringContext, index: number, view: LawView): RawPathway {
  const params = ctx.params;
  const t = params.thirdParty;
  const relationship = Math.max(...Object.values(t.relationship).map((r) => r.value));
  const worst = relationship * worstCapabilities(params) * (t.retentionFloor.value + (1 - t.retentionFloor.value) * params.retention.indefinite.value);
  const ce = ctx.entries[index];
  return rawPathway(
    { lo: 0, hi: worst },
    true,
    'third parties not declared',
    ctx.full && `The declaration has no thirdParties section, so it does not say whether licensees, processors or partners under the law of ${view.profile.code} can reach ${ce.entry.category}: none at best, a licensee that ships the client and keeps everything at worst (write an empty list to declare none).`,
    ctx.facts.facts(ctx.facts.declaration.add(ce.at.category).add('/thirdParties'), ctx.facts.jurisdiction.add('/code')),
    NO_LISTS,
    THIRD_PARTIES_UNDECLARED,
  );
}

/** The fact of the profile that puts a third party's seat under its law: a member listed by the union, or its own code. */
function seatPointer(seat: string | undefined, view: LawView): string {
  const member = seat === undefined ? undefined : view.members.get(seat);
  return member !== undefined ? indexed('/memberStates/members', member.at) : '/code';
}

type LocalFloor = { factor: Range; at?: string; unknowns: Unknown[] };

/** The retention mandates that bind a local company whatever their scope: law data only, worked out once per category law. */
function localFloor(law: CategoryLaw): LocalFloor {
  let floor = law.derived.localFloor as LocalFloor | undefined;
  if (floor === undefined) {
    const unknowns: Unknown[] = [];
    const f = mandateFloor(law, 'yes', undefined, unknowns);
    law.derived.localFloor = floor = { factor: f.factor, at: f.at, unknowns };
  }
  return floor;
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
  const e2eWide = isWide(e2e);
  // Readable by the party = not end to end, or it ships the client.
  const notE2eLo = 1 - e2e.hi;
  const notE2eHi = 1 - e2e.lo;
  const floor = localFloor(law);
  const held: Range = { lo: Math.max(declared.factor.lo, floor.factor.lo), hi: Math.max(declared.factor.hi, floor.factor.hi) };
  const indefinite = params.retention.indefinite.value;
  const rf = t.retentionFloor.value;
  let lo = 0;
  let hi = 0;
  let best = -1;
  let all: Unknown[] | undefined;
  const parties = ctx.thirdParties;
  for (let i = 0; i < parties.length; i++) {
    const p = parties[i];
    const tp = p.tp;
    const seat = tp.jurisdiction;
    const here: Tri = seat === undefined || seat === 'undisclosed' ? 'unknown' : placeUnder(seat, view, ctx);
    const reaches: Tri = tp.categories === undefined ? 'unknown' : tp.categories.includes(ce.entry.category) ? 'yes' : 'no';
    if (here === 'no' || reaches === 'no') continue;
    const caps = p.caps;
    const windowLo = Math.max(held.lo, caps.retains.lo * indefinite);
    const windowHi = Math.max(held.hi, caps.retains.hi * indefinite);
    const ships = tp.distributesClient;
    const s = fromTri(ships === true ? 'yes' : ships === false ? 'no' : 'unknown');
    const shieldUnanswered = ships !== true && ships !== false && e2e.hi > 0;
    const h = fromTri(here);
    const r = fromTri(reaches);
    const rel = t.relationship[tp.relationship].value;
    // The same product, in the same order, as range.ts `product`.
    const eLo = rel * caps.factor.lo * h.lo * r.lo * Math.max(notE2eLo, s.lo) * (rf + (1 - rf) * windowLo);
    const eHi = rel * caps.factor.hi * h.hi * r.hi * Math.max(notE2eHi, s.hi) * (rf + (1 - rf) * windowHi);
    if (eHi === 0) continue;
    if (eHi > eLo && eHi > lo) {
      all ??= [];
      for (const u of floor.unknowns) if (!all.includes(u)) all.push(u);
      if (here === 'unknown') all.push(p.unknowns.jurisdiction);
      if (reaches === 'unknown') all.push(p.unknowns.categories);
      if (caps.unanswered) all.push(p.unknowns.capabilities);
      if (shieldUnanswered) all.push(p.unknowns.distributesClient);
      // The same objects for every party: once is enough (the first of each pointer is the one kept).
      if (e2eWide && !all.includes(ce.unknowns.protection)) all.push(ce.unknowns.protection);
      if (declared.unanswered && !all.includes(ce.unknowns.retention)) all.push(ce.unknowns.retention);
    }
    if (best < 0 || eHi > hi) best = i;
    lo = Math.max(lo, eLo);
    hi = Math.max(hi, eHi);
  }
  if (best < 0) return NO_PATHWAY;
  const b = parties[best];
  const floorAt = floor.at !== undefined && floor.factor.hi > declared.factor.lo ? floor.at : undefined;
  let jurisdiction = ctx.facts.jurisdiction.add(seatPointer(b.tp.jurisdiction === 'undisclosed' ? undefined : b.tp.jurisdiction, view));
  if (floorAt !== undefined) jurisdiction = jurisdiction.add(floorAt);
  const exposure = { lo, hi };
  return rawPathway(
    exposure,
    true,
    b.summary,
    ctx.full && explanation(ctx, index, view, b.tp, b.caps.reading),
    ctx.facts.facts(ctx.facts.declaration.add(ce.at.category).add(b.at).add(b.capabilitiesAt).add(ce.at.retention), jurisdiction),
    NO_LISTS,
    isWide(exposure) && all !== undefined ? all : NO_UNKNOWNS,
  );
}

function explanation(ctx: ScoringContext, index: number, view: LawView, tp: ThirdParty, reading: string): string {
  const ce = ctx.entries[index];
  const seat = tp.jurisdiction;
  const where = seat === undefined || seat === 'undisclosed' ? `its seat is not disclosed, so it may be in ${view.profile.code}` : `it operates under the law of ${view.profile.code} (${seat})`;
  const which = tp.categories === undefined ? `it does not say which categories, so ${ce.entry.category} may be among them` : `it has access to ${ce.entry.category}`;
  return `${tp.name} is a ${tp.relationship}: ${where}; ${which}; ${reading}${tp.distributesClient === true ? '; it ships the client users run, so end-to-end encryption does not protect against it' : ''}.`;
}
