import type { Compliance } from './compliance-share.js';
import { describeInstrument, inForce, instrumentWeight, reachesCategory } from './instrument-weight.js';
import type { Presence } from './legal-reach.js';
import { anyOf } from './numbers.js';
import { policyPosture } from './provider-posture.js';
import type { Window } from './retention-window.js';
import { indexed } from './facts.js';
import type { ScoringContext } from './scoring-context.js';
import { NO_PATHWAY, type JurisdictionProfile, type RawPathway } from './types.js';

/**
 * Compelled from the provider: the jurisdiction's law reaches the provider (presence, or an
 * extraterritorial instrument) and the provider can read the category. The weakest safeguard
 * among the in-force instruments that reach the category decides; stored data counts for as
 * long as it exists (the retention window), live data where the provider can intercept. The
 * provider's policies and its compliance share scale the result.
 */
export function compelledPathway(ctx: ScoringContext, index: number, profile: JurisdictionProfile, presence: Presence, window: Window, compliance: Compliance): RawPathway {
  const { decl, params, live } = ctx;
  const entry = decl.dataCategories[index];
  if (entry.collected === 'no') return NO_PATHWAY;
  const storedReadable = entry.protection?.atRest !== 'end-to-end';
  const liveReadable = entry.protection?.inTransit !== 'end-to-end';
  const extraterritorial = params.instrumentModifiers.extraterritorialReach.value;
  let best = { exposure: 0, at: -1, posture: [] as string[], stored: false, live: false };
  profile.instruments.forEach((inst, i) => {
    if (!inForce(inst) || !reachesCategory(inst.categories, entry.category)) return;
    const reach = presence.present ? 1 : inst.extraterritorial === true ? extraterritorial : 0;
    if (reach === 0) return;
    const posture = policyPosture(ctx, entry.category, profile.code, inst);
    const w = instrumentWeight(inst, params) * reach * posture.multiplier;
    const stored = inst.reaches !== 'live' && storedReadable ? w * window.factor : 0;
    const liveE = inst.reaches !== 'stored' && liveReadable ? w * live.multiplier : 0;
    const exposure = anyOf([stored, liveE]);
    if (exposure > best.exposure) best = { exposure, at: i, posture: posture.pointers, stored: stored > 0, live: liveE > 0 };
  });
  if (best.at < 0) return NO_PATHWAY;
  const inst = profile.instruments[best.at];
  const how = presence.present ? `${profile.code} law reaches the provider (${presence.reasons.join('; ')})` : `${inst.name} reaches providers outside ${profile.code}`;
  const what = [best.stored ? 'stored data while it is kept' : '', best.live ? 'communications in real time' : ''].filter(Boolean).join(' and ');
  const declaration = [ctx.pointers[index].category, ctx.pointers[index].protection, ...presence.pointers, ...best.posture, ...compliance.pointers];
  if (best.live) declaration.push(...live.pointers);
  if (best.stored) declaration.push(...window.facts.declaration);
  return {
    exposure: best.exposure * compliance.multiplier,
    usesWindow: best.stored,
    explanation: `${how}, and the provider can read ${entry.category}. The weakest safeguard reaching it is ${describeInstrument(inst)}, which obtains ${what}; ${compliance.explanation}.`,
    facts: { declaration, jurisdiction: [indexed('/instruments', best.at), ...(best.stored ? window.facts.jurisdiction : [])] },
  };
}
