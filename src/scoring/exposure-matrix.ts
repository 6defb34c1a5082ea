import { todayUtc } from '../law/in-force.js';
import { complianceShare, rowsByCountry } from './compliance-share.js';
import { exposureCell } from './exposure-cell.js';
import { scoringContext } from './scoring-context.js';
import type { Cell, Declaration, ExposureOptions, ExposureResult, JurisdictionProfile, ModelParameters } from './types.js';

/**
 * The exposure matrix of a declaration: one cell per taxonomy category (listed or not) × every
 * jurisdiction profile, in taxonomy order, then by jurisdiction code, under the law in force on
 * `lawDate`. Pure and deterministic: the same inputs give byte-identical JSON.
 */
export function computeExposure(decl: Declaration, jurisdictions: readonly JurisdictionProfile[], params: ModelParameters, options: Partial<ExposureOptions> = {}): ExposureResult {
  const lawDate = options.lawDate ?? todayUtc();
  const explain = options.explain ?? 'compact';
  const ctx = scoringContext(decl, jurisdictions, params, lawDate, explain === 'full');
  // Compliance depends on the jurisdiction only: read the request figures once per profile.
  const byCountry = rowsByCountry(decl);
  const compliance = ctx.views.map((v) => complianceShare(decl, v.profile.code, params, byCountry));
  const cells: Cell[] = [];
  ctx.entries.forEach((_, index) => {
    ctx.views.forEach((view, j) => cells.push(exposureCell(ctx, index, view, compliance[j], explain)));
  });
  return { modelVersion: params.modelVersion, lawDate, cells };
}
