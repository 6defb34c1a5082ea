import { inForce, reachesCategory } from './instrument-weight.js';
import { curveFactor } from './retention-curve.js';
import { indexed } from './facts.js';
import type { ScoringContext } from './scoring-context.js';
import type { CategoryId, Facts, JurisdictionProfile, ModelParameters } from './types.js';

export { isTelecomOperator } from './scoring-context.js';

type Mandate = JurisdictionProfile['retentionMandates'][number];

export interface Window {
  factor: number;
  explanation: string;
  facts: Facts;
}

function mandateFactor(m: Mandate, params: ModelParameters): number {
  return m.duration === 'unknown' ? params.retention.indefinite.value : curveFactor(m.duration, params);
}

/** The longest in-force retention mandate of the jurisdiction reaching the category and binding the holder. */
export function mandateFloor(profile: JurisdictionProfile, category: CategoryId, binds: (m: Mandate) => boolean, params: ModelParameters): { factor: number; at?: number } {
  let best: { factor: number; at?: number } = { factor: 0 };
  profile.retentionMandates.forEach((m, i) => {
    if (!inForce(m) || !reachesCategory(m.categories, category) || !binds(m)) return;
    const f = mandateFactor(m, params);
    if (f > best.factor) best = { factor: f, at: i };
  });
  return best;
}

/**
 * How long the category exists to be demanded from the provider in this jurisdiction: the
 * declared retention, floored by the jurisdiction's in-force retention mandate when it binds
 * the provider there (the provider is present, and the mandate's scope covers it).
 */
export function retentionWindow(ctx: ScoringContext, index: number, profile: JurisdictionProfile, present: boolean): Window {
  const { decl, params, telecom } = ctx;
  const entry = decl.dataCategories[index];
  const declared = ctx.declared[index];
  const floor = present ? mandateFloor(profile, entry.category, (m) => m.scope !== 'telecom-operators' || telecom, params) : { factor: 0, at: undefined };
  const facts: Facts = { declaration: [ctx.pointers[index].category, ctx.pointers[index].retention], jurisdiction: [] };
  if (floor.at !== undefined && floor.factor > declared.factor) {
    const m = profile.retentionMandates[floor.at];
    facts.jurisdiction.push(indexed('/retentionMandates', floor.at));
    if (m.scope === 'telecom-operators') facts.declaration.push('/provider/services');
    return {
      factor: floor.factor,
      explanation: `Declared: ${declared.reading}; but ${m.name} obliges providers in ${profile.code} to keep it for ${m.duration === 'unknown' ? 'an unknown period (counted as indefinite)' : m.duration}, which sets the window.`,
      facts,
    };
  }
  return { factor: declared.factor, explanation: `Declared: ${declared.reading}.`, facts };
}
