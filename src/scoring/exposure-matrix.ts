import { complianceShare } from './compliance-share.js';
import { exposureCell } from './exposure-cell.js';
import { indexProfiles } from './profile-index.js';
import { scoringContext } from './scoring-context.js';
import type { Cell, Declaration, ExposureResult, JurisdictionProfile, ModelParameters } from './types.js';

/**
 * The exposure matrix of a declaration: one cell per declared category × every jurisdiction
 * profile, ordered by the taxonomy order of the parameters, then by jurisdiction code. Pure and
 * deterministic: the same inputs give byte-identical JSON.
 */
export function computeExposure(decl: Declaration, jurisdictions: JurisdictionProfile[], params: ModelParameters): ExposureResult {
  const profiles = indexProfiles(jurisdictions);
  // Everything read from the declaration more than once is worked out here, for this call only.
  const ctx = scoringContext(decl, profiles, params);
  // Compliance depends on the jurisdiction only; reading the request figures once per profile
  // keeps a large transparency table from being rescanned for every category.
  const compliance = new Map(profiles.profiles.map((p) => [p.code, complianceShare(decl, p.code, params)]));
  const cells: Cell[] = [];
  for (const { category, sensitivity } of params.categories) {
    decl.dataCategories.forEach((entry, index) => {
      if (entry.category !== category) return;
      for (const profile of profiles.profiles) cells.push(exposureCell(ctx, index, profile, sensitivity, compliance.get(profile.code)!));
    });
  }
  return { modelVersion: params.modelVersion, cells };
}
