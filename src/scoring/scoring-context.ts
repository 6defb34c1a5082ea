import { pointer } from '../formats/json-pointer.js';
import { declaredWindow } from './declared-retention.js';
import { PointerIndex } from './facts.js';
import type { ProfileIndex } from './profile-index.js';
import { liveCapability, type Posture } from './provider-posture.js';
import type { Declaration, JurisdictionProfile, ModelParameters } from './types.js';

type Policy = NonNullable<NonNullable<Declaration['legalProcess']>['policies']>[number];

/** The pointers a cell of one category cites, built once per category rather than once per cell. */
export interface CategoryPointers {
  category: string;
  protection: string;
  inTransit: string;
  retention: string;
  interception: string;
  storageLocations: string;
}

/**
 * What a matrix computation reads from the declaration again and again, worked out once per
 * call of `computeExposure` (never kept across calls: callers may edit a declaration between
 * two calls). Only the cost changes, never the result: every value here is what the per-cell
 * functions computed before from the same inputs.
 */
export interface ScoringContext {
  decl: Declaration;
  params: ModelParameters;
  profiles: ProfileIndex;
  /** Whether mandates scoped to telecom operators bind the provider. */
  telecom: boolean;
  live: Posture;
  /** The declared window of each category, by index. */
  declared: { factor: number; reading: string }[];
  pointers: CategoryPointers[];
  /** Policies by the jurisdiction they name, with their index, in document order. */
  policies: Map<string, { policy: Policy; at: number }[]>;
  /** `/provider/establishments/k`, by k. */
  establishments: string[];
  /** `/dataCategories/i/storageLocations/k`, by i then k. */
  storage: string[][];
  /** Pointer checks against the declaration, remembered for this call only. */
  declarationPointers: PointerIndex;
  /** Pointer checks against each profile, remembered for this call only. */
  profilePointers: Map<JurisdictionProfile, PointerIndex>;
}

/** Whether the provider counts as a telecom operator for a mandate scoped to them. */
export function isTelecomOperator(decl: Declaration, params: ModelParameters): boolean {
  const services = decl.provider.services;
  if (services === undefined) return true;
  const words = new Set(params.retention.telecomServices.words);
  // A service the provider will not name ("undisclosed") may be any of them: silence is not safety.
  return services.some((s) => s === 'undisclosed' || words.has(s.toLowerCase()));
}

export function scoringContext(decl: Declaration, profiles: ProfileIndex, params: ModelParameters): ScoringContext {
  const policies = new Map<string, { policy: Policy; at: number }[]>();
  (decl.legalProcess?.policies ?? []).forEach((policy, at) => {
    const list = policies.get(policy.jurisdiction) ?? [];
    list.push({ policy, at });
    policies.set(policy.jurisdiction, list);
  });
  return {
    decl,
    params,
    profiles,
    telecom: isTelecomOperator(decl, params),
    live: liveCapability(decl, params),
    declared: decl.dataCategories.map((entry) => declaredWindow(entry.retention, params)),
    pointers: decl.dataCategories.map((_, i) => ({
      category: pointer('dataCategories', i, 'category'),
      protection: pointer('dataCategories', i, 'protection'),
      inTransit: pointer('dataCategories', i, 'protection', 'inTransit'),
      retention: pointer('dataCategories', i, 'retention'),
      interception: pointer('dataCategories', i, 'interception'),
      storageLocations: pointer('dataCategories', i, 'storageLocations'),
    })),
    policies,
    establishments: Array.isArray(decl.provider.establishments) ? decl.provider.establishments.map((_, k) => pointer('provider', 'establishments', k)) : [],
    storage: decl.dataCategories.map((entry, i) => (Array.isArray(entry.storageLocations) ? entry.storageLocations.map((_, k) => pointer('dataCategories', i, 'storageLocations', k)) : [])),
    declarationPointers: new PointerIndex(decl),
    profilePointers: new Map(profiles.profiles.map((p) => [p, new PointerIndex(p)])),
  };
}
