import { inForce, reachesCategory } from './instrument-weight.js';
import { anyOf } from './numbers.js';
import { indexed } from './facts.js';
import type { ScoringContext } from './scoring-context.js';
import { NO_PATHWAY, type Declaration, type JurisdictionProfile, type ModelParameters, type RawPathway } from './types.js';

/** The jurisdiction's strongest in-force interception mandate reaching the category. */
function strongestMandate(profile: JurisdictionProfile, category: Declaration['dataCategories'][number]['category'], params: ModelParameters) {
  let best = { weight: 0, at: -1 };
  profile.interceptionMandates.forEach((m, i) => {
    if (!inForce(m) || !reachesCategory(m.categories, category)) return;
    const w = params.transit.mandateKinds[m.kind].value;
    if (w > best.weight) best = { weight: w, at: i };
  });
  return best;
}

/** Multiplier when the provider declares it is not subject to this jurisdiction's interception statutes. */
function statutePosition(decl: Declaration, code: string, params: ModelParameters): { factor: number; pointers: string[] } {
  let best = { factor: 1, pointers: [] as string[] };
  (decl.legalProcess?.interceptionStatutes ?? []).forEach((s, i) => {
    const f = s.position === 'not-subject' ? params.transit.notSubject.value : 1;
    if (s.jurisdiction === code && f < best.factor) best = { factor: f, pointers: [indexed('/legalProcess/interceptionStatutes', i)] };
  });
  return best;
}

/**
 * Interception in transit: the category crosses networks without end-to-end encryption, and
 * the jurisdiction mandates interception capability or someone on the path can observe it.
 * A missing interception list counts as undisclosed.
 */
export function transitPathway(ctx: ScoringContext, index: number, profile: JurisdictionProfile): RawPathway {
  const { decl, params } = ctx;
  const entry = decl.dataCategories[index];
  if (entry.collected === 'no') return NO_PATHWAY;
  const t = params.transit;
  const inTransit = entry.protection?.inTransit ?? 'undisclosed';
  const protection = t.protection[inTransit].value;
  if (protection === 0) return NO_PATHWAY;
  const mandate = strongestMandate(profile, entry.category, params);
  const statute = statutePosition(decl, profile.code, params);
  const observers = entry.interception === undefined
    ? { weight: t.observers.undisclosed.value, at: -1 }
    : entry.interception.reduce((best, e, i) => (e.party !== 'provider' && t.observers[e.capability].value > best.weight ? { weight: t.observers[e.capability].value, at: i } : best), { weight: 0, at: -1 });
  const exposure = protection * anyOf([mandate.weight * statute.factor, observers.weight * t.observerReach.value]);
  if (exposure <= 0) return NO_PATHWAY;
  const parts: string[] = [];
  if (mandate.at >= 0) parts.push(`${profile.interceptionMandates[mandate.at].name} obliges operators in ${profile.code} to be able to intercept it${statute.factor < 1 ? ' (the provider says it is not subject to it, which narrows this)' : ''}`);
  else parts.push(`no interception mandate of ${profile.code} reaches it`);
  if (observers.weight > 0) parts.push(entry.interception === undefined ? 'the provider does not say who can intercept it on the way' : `the provider says a ${entry.interception[observers.at].party} can ${entry.interception[observers.at].capability} it on the way`);
  const protectionReading = inTransit === 'undisclosed' ? 'its protection in transit is not disclosed' : inTransit === 'none' ? 'it travels unencrypted' : 'it travels with transport encryption only, not end to end';
  return {
    exposure,
    explanation: `${entry.category}: ${protectionReading}; ${parts.join('; ')}.`,
    facts: {
      declaration: [ctx.pointers[index].category, ctx.pointers[index].inTransit, observers.at >= 0 ? indexed(ctx.pointers[index].interception, observers.at) : ctx.pointers[index].interception, ...statute.pointers],
      // Without a mandate, the fact of the profile is that none of its interception mandates reaches the category.
      jurisdiction: [mandate.at >= 0 ? indexed('/interceptionMandates', mandate.at) : '/interceptionMandates'],
    },
  };
}
