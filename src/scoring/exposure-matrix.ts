import { todayUtc } from '../law/in-force.js';
import { categoryLaws, lawOf, type CategoryLaw } from './category-law.js';
import { complianceShare, rowsByCountry, type Compliance } from './compliance-share.js';
import { exposureCell } from './exposure-cell.js';
import { scoringContext } from './build-scoring-context.js';
import type { Cell, Declaration, ExposureOptions, ExposureResult, JurisdictionProfile, ModelParameters } from './types.js';

/**
 * The exposure matrix of a declaration: one cell per taxonomy category (listed or not) × every
 * jurisdiction profile, in taxonomy order, then by jurisdiction code, under the law in force on
 * `lawDate`. Pure and deterministic: the same inputs give byte-identical JSON.
 */
export function computeExposure(decl: Declaration, jurisdictions: readonly JurisdictionProfile[], params: ModelParameters, options: Partial<ExposureOptions> = {}): ExposureResult {
  const lawDate = options.lawDate ?? todayUtc();
  const explain = options.explain ?? 'compact';
  const ctx = scoringContext(decl, jurisdictions, params, lawDate, explain);
  // Compliance depends on the jurisdiction only: read the request figures once per profile.
  const byCountry = rowsByCountry(decl);
  const compliance: Compliance[] = [];
  for (const v of ctx.views) compliance.push(complianceShare(decl, v.profile.code, params, byCountry));
  const cells: Cell[] = new Array(ctx.entries.length * ctx.views.length);
  const laws: Map<string, CategoryLaw>[] = [];
  for (const view of ctx.views) laws.push(categoryLaws(view, params));
  let k = 0;
  for (let index = 0; index < ctx.entries.length; index++) {
    const category = ctx.entries[index].entry.category;
    for (let j = 0; j < ctx.views.length; j++) cells[k++] = exposureCell(ctx, index, ctx.views[j], lawOf(ctx.views[j], laws[j], category, params), compliance[j], explain);
  }
  return { modelVersion: params.modelVersion, lawDate, cells };
}
