import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import type { Declaration } from '../../src/formats/types.generated.js';
import { loadJurisdictions } from '../../src/policies/load-jurisdictions.js';
import { loadModelParameters } from '../../src/policies/load-model-parameters.js';
import { computeExposure } from '../../src/scoring/index.js';

/** The shipped data, loaded once per test file. */
export const registry = loadSchemaRegistry();
export const jurisdictions = loadJurisdictions(registry);
export const params = loadModelParameters(registry);
export const profileCodes = jurisdictions.map((j) => j.code);

export const exposure = (d: Declaration) => computeExposure(d, jurisdictions, params);

/** Scores keyed by "category|jurisdiction". */
export function scores(d: Declaration): Map<string, number> {
  return new Map(exposure(d).cells.map((c) => [`${c.category}|${c.jurisdiction}`, c.score]));
}

/** Keys where `after` is lower than `before`, for a readable failure message. */
export function lowered(before: Map<string, number>, after: Map<string, number>, keys?: (k: string) => boolean): string[] {
  return [...before].filter(([k, v]) => (keys ? keys(k) : true) && (after.get(k) ?? 0) < v).map(([k, v]) => `${k}: ${v} -> ${after.get(k)}`);
}

export const clone = <T>(x: T): T => structuredClone(x);
