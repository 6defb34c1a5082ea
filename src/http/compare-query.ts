import type { Request } from 'express';
import { todayUtc } from '../law/in-force.js';
import { computeExposure, summarizeExposure } from '../scoring/index.js';
import { compareProviders, MAX_COMPARED, MIN_COMPARED, type Comparison } from '../service/compare.js';
import type { ThreatModel } from '../service/ranking.js';
import type { AppContext } from './context.js';
import { badRequest, notFound } from './http-error.js';
import { listParam, providerIdParam } from './params.js';
import { lawDateParam, threatModelParam } from './threat-model-param.js';
import { basisParam } from './routes/observed-exposure.js';
import type { CompareInput } from '../service/compare.js';

export interface CompareQuery {
  comparison: Comparison;
  model: ThreatModel;
  lawDate: string;
  basis: 'declared' | 'observed';
  modelVersion: string;
}

export interface CompareInputs {
  inputs: CompareInput[];
  model: ThreatModel;
  lawDate: string;
  basis: 'declared' | 'observed';
  /** Per provider: whether it declared (false: known only from evidence). */
  declaredByProvider: Record<string, boolean>;
}

/** `?providers=a,b[,…]` (2–6 distinct known providers) with the threat-model filters: shared by the API and the page. */
export async function compareQuery(req: Request, ctx: AppContext): Promise<CompareQuery> {
  const { inputs, model, lawDate, basis } = await compareInputs(req, ctx);
  return {
    comparison: compareProviders(inputs, model, ctx.categories.map((c) => c.id)),
    model,
    lawDate,
    basis,
    modelVersion: inputs[0].exposure.modelVersion,
  };
}

/**
 * The providers of a comparison on the basis asked for (the page chooses its columns from
 * them before comparing). A provider known only from evidence compares on both bases: as
 * observed, its evidence over a declaration that answers nothing; as declared, that
 * declaration alone (it has declared nothing).
 */
export async function compareInputs(req: Request, ctx: AppContext): Promise<CompareInputs> {
  const ids = listParam(req.query.providers).map((id) => providerIdParam(id));
  if (ids.length < MIN_COMPARED || ids.length > MAX_COMPARED)
    throw badRequest(`Compare ${MIN_COMPARED} to ${MAX_COMPARED} providers: ?providers=a,b[,…] (got ${ids.length}).`, { errors: [{ pointer: '', parameter: 'providers', keyword: 'count', message: `must name ${MIN_COMPARED} to ${MAX_COMPARED} providers` }] });
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw badRequest(`"${duplicate}" is named twice in ?providers=.`);
  const model = threatModelParam(req, ctx);
  const lawDate = lawDateParam(req) ?? todayUtc();
  const basis = basisParam(req.query.basis);
  const inputs = await Promise.all(
    ids.map(async (id): Promise<CompareInput> => {
      const latest = ctx.atlas.latestOf(id);
      const who = latest ? { declaredByProvider: true } : { declaredByProvider: false, assessedBy: ctx.observations.assessedBy(id) };
      if (basis === 'observed') {
        // Observations in place of declared facts; a provider known only from observations compares too.
        const view = await ctx.observed.of(id, { lawDate });
        if (!view) throw notFound(`No provider "${id}" (neither declared nor observed).`);
        const exposure = view.observed.result;
        return { providerId: id, ...who, version: view.version, declaration: view.observed.declaration, disclosureScore: latest?.summary.disclosureScore, exposure, overall: summarizeExposure(exposure, ctx.policy.params).overall };
      }
      if (!latest) {
        // Known only from evidence: on the declared basis it has declared nothing, so it compares as a declaration that answers nothing.
        const base = await ctx.observations.baseOf(id);
        if (!base) throw notFound(`No provider "${id}".`);
        const exposure = computeExposure(base.declaration, ctx.policy.jurisdictions, ctx.policy.params, { lawDate });
        return { providerId: id, ...who, declaration: base.declaration, exposure, overall: summarizeExposure(exposure, ctx.policy.params).overall };
      }
      const exposure = (await ctx.exposure.of(id, latest.meta.version, { lawDate }))!;
      const declaration = (await ctx.atlas.declarationAt(id, latest.meta.version))!;
      return { providerId: id, ...who, version: latest.meta.version, declaration, disclosureScore: latest.summary.disclosureScore, exposure, overall: summarizeExposure(exposure, ctx.policy.params).overall };
    }),
  );
  return { inputs, model, lawDate, basis, declaredByProvider: Object.fromEntries(inputs.map((i) => [i.providerId, i.declaredByProvider])) };
}
