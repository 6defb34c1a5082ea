import { Router, type NextFunction, type Request, type Response } from 'express';
import { todayUtc } from '../../law/in-force.js';
import { gradeFor, summarizeExposure, type Cell } from '../../scoring/index.js';
import { differences, scoreAsObserved, BASES, type Basis } from '../../service/observed-exposure.js';
import { rankedProvider } from '../../service/ranking.js';
import type { AppContext } from '../context.js';
import { sendTable, wantsCsv } from '../csv-response.js';
import { renderObservedScore, type ScoreQuery } from '../draft-thread/draft-answers.js';
import { draftDeps } from '../draft-thread/draft-deps.js';
import { onDraftThread, sendRendered } from '../draft-thread/draft-route.js';
import { badRequest, notFound } from '../http-error.js';
import { requireContentType } from '../json-body.js';
import { cellsAt, scoringDetail } from '../../service/answer-detail.js';
import { explainParam, orderParam, pageParams, providerIdParam } from '../params.js';
import { lawDateParam, threatModelParam } from '../threat-model-param.js';
import { cellColumns, selectCells } from '../cell-table.js';

/** `?basis=declared|observed` (default declared). */
export function basisParam(value: unknown): Basis {
  if (value === undefined) return 'declared';
  if (typeof value !== 'string' || !BASES.includes(value as Basis)) throw badRequest(`basis must be declared or observed, got "${String(value)}".`, { errors: [{ pointer: '', parameter: 'basis', keyword: 'enum', message: 'must be declared or observed' }] });
  return value as Basis;
}

/**
 * The "as observed" basis of exposure (`?basis=observed`): of a stored provider, of a
 * what-if draft, and the ranking. Also answers for providers known only from observations,
 * whatever the basis. Everything else passes on to the declared-basis routes.
 */
export function observedExposureRouter(ctx: AppContext): Router {
  const router = Router();
  const { observations, atlas, policy } = ctx;
  const reader = ctx.observed;
  const { params } = policy;
  const observedOnly = (req: Request, _res: Response, next: NextFunction) => (basisParam(req.query.basis) === 'observed' ? next() : next('route'));

  router.get('/providers/:providerId/exposure', async (req, res, next) => {
    const basis = basisParam(req.query.basis);
    const providerId = providerIdParam(String(req.params.providerId));
    const latest = atlas.latestOf(providerId);
    if (latest && basis === 'declared') return next();
    if (!latest && !observations.hasEvidence(providerId)) {
      if (basis === 'declared') return next();
      throw notFound(`No provider "${providerId}".`);
    }
    if (req.query.version !== undefined) throw badRequest('basis=observed applies observations to the latest version; leave out version.');
    const model = threatModelParam(req, ctx);
    const lawDate = lawDateParam(req) ?? todayUtc();
    const level = explainParam(req.query.explain);
    const explain = scoringDetail(level);
    const view = (await reader.of(providerId, { lawDate, explain }))!;
    const declared = latest ? await ctx.exposure.of(providerId, latest.meta.version, { lawDate, explain }) : scoreAsObserved((await observations.baseOf(providerId))!.declaration, [], policy, { lawDate, explain }).result;
    const result = basis === 'observed' ? view.observed.result : declared!;
    const cells = selectCells(result.cells, model);
    sendTable(req, res, {
      columns: cellColumns(providerId),
      rows: cells,
      filename: `${providerId}-${basis}-exposure`,
      json: {
        providerId,
        name: view.name,
        declaredByProvider: view.declaredByProvider,
        basis,
        ...(view.version !== undefined ? { version: view.version } : {}),
        asOf: view.asOf,
        modelVersion: result.modelVersion,
        lawDate: result.lawDate,
        summary: summarizeExposure(result, params),
        observations: { applied: view.observed.applied, unapplied: view.observed.unapplied, assessed: view.observed.assessed },
        differences: differences(declared!, view.observed).filter((d) => selectCells([{ category: d.category, jurisdiction: d.jurisdiction } as Cell], model).length > 0),
        explain: level,
        ...cellsAt(cells, level),
      },
    });
  });

  router.post('/score', observedOnly, requireContentType(), ctx.json, async (req, res) => {
    const query: ScoreQuery = { model: threatModelParam(req, ctx), lawDate: lawDateParam(req) ?? todayUtc(), explain: explainParam(req.query.explain), csv: wantsCsv(req), today: todayUtc() };
    // A large body (a declaration and up to 500 observations) is checked and scored on a draft thread.
    const rendered = onDraftThread(ctx.drafts, req.rawBody) ? await ctx.drafts.pool.run({ kind: 'observed', body: req.rawBody, query }) : renderObservedScore(draftDeps(ctx), req.body, query);
    sendRendered(res, rendered, { varyAccept: true });
  });

  router.get('/exposure', observedOnly, async (req, res) => {
    const model = threatModelParam(req, ctx);
    const { limit, offset } = pageParams(req.query);
    const lawDate = lawDateParam(req) ?? todayUtc();
    const order = orderParam(req.query.order);
    const { ranked, undeclared } = await reader.rank(model, order, lawDate);
    const items = ranked.slice(offset, offset + limit).map((r) => ({
      ...rankedProvider(r),
      latestVersion: r.declaredByProvider ? r.latest.meta.version : null,
      declaredByProvider: r.declaredByProvider,
      ...(r.declaredByProvider ? {} : { assessedBy: observations.assessedBy(r.latest.meta.providerId) }),
      observations: r.observations,
      grade: gradeFor(r.worstCase, params),
      establishedGrade: gradeFor(r.established, params),
    }));
    sendTable(req, res, {
      columns: (['rank', 'providerId', 'name', 'declaredByProvider', 'observations', 'latestVersion', 'established', 'worstCase', 'score', 'grade', 'establishedGrade'] as const).map((key) => ({ header: key, value: (r: (typeof items)[number]) => r[key] })),
      rows: items,
      filename: 'exposure-ranking-observed',
      json: { modelVersion: params.modelVersion, lawDate, order, basis: 'observed', threatModel: model, total: ranked.length, limit, offset, items, undeclared },
    });
  });

  return router;
}
