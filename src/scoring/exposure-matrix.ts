import { complianceShare } from './compliance-share.js';
import { exposureCell } from './exposure-cell.js';
import { forgetPointers } from './facts.js';
import { indexProfiles } from './profile-index.js';
import type { Cell, Declaration, ExposureResult, JurisdictionProfile, ModelParameters } from './types.js';

/**
 * The exposure matrix of a declaration: one cell per declared category × every jurisdiction
 * profile, ordered by the taxonomy order of the parameters, then by jurisdiction code. Pure and
 * deterministic: the same inputs give byte-identical JSON.
 */
export function computeExposure(decl: Declaration, jurisdictions: JurisdictionProfile[], params: ModelParameters): ExposureResult {
  const profiles = indexProfiles(jurisdictions);
  // The declaration may have changed since a previous call (callers mutate drafts): start afresh.
  forgetPointers(decl);
  // Compliance depends on the jurisdiction only; reading the request figures once per profile
  // keeps a large transparency table from being rescanned for every category.
  const compliance = new Map(profiles.profiles.map((p) => [p.code, complianceShare(decl, p.code, params)]));
  const cells: Cell[] = [];
  for (const { category, sensitivity } of params.categories) {
    decl.dataCategories.forEach((entry, index) => {
      if (entry.category !== category) return;
      for (const profile of profiles.profiles) cells.push(exposureCell(decl, index, profile, profiles, params, sensitivity, compliance.get(profile.code)!));
    });
  }
  return { modelVersion: params.modelVersion, cells };
}
