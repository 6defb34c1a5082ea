import { pointer } from '../formats/json-pointer.js';
import { declaredWindow } from './declared-retention.js';
import { inForce, reachesCategory } from './instrument-weight.js';
import { curveFactor } from './retention-curve.js';
import type { CategoryId, Declaration, Facts, JurisdictionProfile, ModelParameters } from './types.js';

type Mandate = JurisdictionProfile['retentionMandates'][number];

export interface Window {
  factor: number;
  explanation: string;
  facts: Facts;
}

/** Whether the provider counts as a telecom operator for a mandate scoped to them. */
export function isTelecomOperator(decl: Declaration, params: ModelParameters): boolean {
  const services = decl.provider.services;
  if (services === undefined) return true;
  const words = new Set(params.retention.telecomServices.words);
  return services.some((s) => words.has(s.toLowerCase()));
}

function mandateFactor(m: Mandate, params: ModelParameters): number {
  return m.duration === 'unknown' ? params.retention.indefinite.value : curveFactor(m.duration, params);
}

/** The longest in-force retention mandate of the jurisdiction reaching the category and binding the holder. */
export function mandateFloor(profile: JurisdictionProfile, category: CategoryId, binds: (m: Mandate) => boolean, params: ModelParameters): { factor: number; at?: number } {
  let best: { factor: number; at?: number } = { factor: 0 };
  profile.retentionMandates.forEach((m, i) => {
    if (!inForce(m.status) || !reachesCategory(m.categories, category) || !binds(m)) return;
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
export function retentionWindow(decl: Declaration, index: number, profile: JurisdictionProfile, present: boolean, params: ModelParameters): Window {
  const entry = decl.dataCategories[index];
  const declared = declaredWindow(entry.retention, params);
  const telecom = isTelecomOperator(decl, params);
  const binds = (m: Mandate) => present && (m.scope !== 'telecom-operators' || telecom);
  const floor = mandateFloor(profile, entry.category, binds, params);
  const facts: Facts = { declaration: [pointer('dataCategories', index, 'category'), pointer('dataCategories', index, 'retention')], jurisdiction: [] };
  if (floor.at !== undefined && floor.factor > declared.factor) {
    const m = profile.retentionMandates[floor.at];
    facts.jurisdiction.push(pointer('retentionMandates', floor.at));
    if (m.scope === 'telecom-operators') facts.declaration.push('/provider/services');
    return {
      factor: floor.factor,
      explanation: `Declared: ${declared.reading}; but ${m.name} obliges providers in ${profile.code} to keep it for ${m.duration === 'unknown' ? 'an unknown period (counted as indefinite)' : m.duration}, which sets the window.`,
      facts,
    };
  }
  return { factor: declared.factor, explanation: `Declared: ${declared.reading}.`, facts };
}
