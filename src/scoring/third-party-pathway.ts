import { anyOf } from './numbers.js';
import { sameLegalSpace } from './profile-index.js';
import { mandateFloor } from './retention-window.js';
import { indexed } from './facts.js';
import type { ScoringContext } from './scoring-context.js';
import { NO_PATHWAY, type Declaration, type JurisdictionProfile, type ModelParameters, type RawPathway } from './types.js';

type ThirdParty = NonNullable<Declaration['thirdParties']>[number];

/** Exposure from what a third party can do: plain access, OR-ed with each declared capability. */
function capabilityFactor(tp: ThirdParty, params: ModelParameters): { factor: number; reading: string; retains: boolean } {
  const t = params.thirdParty;
  const caps = tp.capabilities;
  if (caps === undefined || caps === 'undisclosed' || caps.includes('undisclosed'))
    return { factor: t.capabilities.undisclosed.value, reading: 'its capabilities are not disclosed (counted as the worst case)', retains: true };
  const factor = anyOf([t.access.value, ...caps.map((c) => t.capabilities[c].value)]);
  const reading = caps.length > 0 ? `it can do ${caps.join(', ')}` : 'it has access, with no declared surveillance capability';
  return { factor, reading, retains: caps.includes('content-retention') };
}

/**
 * A declaration without a `thirdParties` section does not answer question 4; silence is not
 * safety, so it scores as an undisclosed licensee in every jurisdiction with undisclosed
 * capabilities (the worst case). `thirdParties: []` says there are none.
 */
function undisclosedThirdParties(ctx: ScoringContext, index: number, profile: JurisdictionProfile): RawPathway {
  const params = ctx.params;
  const t = params.thirdParty;
  const relationship = Math.max(...Object.values(t.relationship).map((r) => r.value));
  const window = t.retentionFloor.value + (1 - t.retentionFloor.value) * params.retention.indefinite.value;
  return {
    exposure: relationship * t.capabilities.undisclosed.value * window,
    usesWindow: true,
    explanation: `The declaration has no thirdParties section, so it does not say whether licensees, processors or partners under the law of ${profile.code} can reach this data; counted as the worst case (write an empty list to declare none).`,
    facts: { declaration: [ctx.pointers[index].category, '/thirdParties'], jurisdiction: ['/code'] },
  };
}

/**
 * The fact of the profile that puts a third party's seat under its law: a member state listed by
 * the union's profile, or the profile's own code (the same place, the union it belongs to, or a
 * seat not disclosed and so possibly here).
 */
function seatPointer(seat: string | undefined, profile: JurisdictionProfile): string {
  const k = seat === undefined || seat === profile.code ? -1 : profile.memberStates?.members.findIndex((m) => m.code === seat) ?? -1;
  return k >= 0 ? indexed('/memberStates/members', k) : '/code';
}

/**
 * Through a third party: a licensee, processor, partner or affiliate under the jurisdiction's
 * law with access to the category. Its declared capabilities weigh heavily; part of its exposure
 * scales with how long the data exists in its hands (floored by the jurisdiction's retention
 * mandates, which bind a local company whatever its scope). The worst third party decides.
 */
export function thirdPartyPathway(ctx: ScoringContext, index: number, profile: JurisdictionProfile): RawPathway {
  const { decl, params } = ctx;
  const entry = decl.dataCategories[index];
  if (entry.collected === 'no') return NO_PATHWAY;
  const t = params.thirdParty;
  if (decl.thirdParties === undefined) return undisclosedThirdParties(ctx, index, profile);
  const declared = ctx.declared[index].factor;
  let floor: { factor: number; at?: number } | undefined;
  let best: RawPathway = NO_PATHWAY;
  decl.thirdParties.forEach((tp, i) => {
    const seat = tp.jurisdiction;
    const here = seat === undefined || seat === 'undisclosed' || sameLegalSpace(seat, profile.code, ctx.profiles);
    const reaches = tp.categories === undefined || tp.categories.includes(entry.category);
    if (!here || !reaches) return;
    const caps = capabilityFactor(tp, params);
    floor ??= mandateFloor(profile, entry.category, () => true, params);
    const window = caps.retains ? params.retention.indefinite.value : Math.max(declared, floor.factor);
    const exposure = t.relationship[tp.relationship].value * caps.factor * (t.retentionFloor.value + (1 - t.retentionFloor.value) * window);
    if (exposure <= best.exposure) return;
    const where = seat === undefined || seat === 'undisclosed' ? `its seat is not disclosed, so it may be in ${profile.code}` : `it operates under the law of ${profile.code} (${seat})`;
    const which = tp.categories === undefined ? `it does not say which categories, so ${entry.category} counts` : `it has access to ${entry.category}`;
    best = {
      exposure,
      usesWindow: true,
      explanation: `${tp.name} is a ${tp.relationship}: ${where}; ${which}; ${caps.reading}.`,
      facts: {
        declaration: [ctx.pointers[index].category, indexed('/thirdParties', i), `${indexed('/thirdParties', i)}/capabilities`, ctx.pointers[index].retention],
        jurisdiction: [seatPointer(seat, profile), ...(!caps.retains && floor.at !== undefined && floor.factor > declared ? [indexed('/retentionMandates', floor.at)] : [])],
      },
    };
  });
  return best;
}
