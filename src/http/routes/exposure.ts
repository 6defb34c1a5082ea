import { Router } from 'express';
import { gradeFor, summarizeExposure } from '../../scoring/index.js';
import { byteBoundedCache } from '../../service/byte-bounded-cache.js';
import { contentHash } from '../../store/version-record.js';
import { rankedProvider } from '../../service/ranking.js';
import type { AppContext } from '../context.js';
import { latestOr404 } from '../provider-view.js';
import { sendTable, wantsCsv } from '../csv-response.js';
import { claimedProvider, isWholeMatrix, renderScore, type ScoreQuery } from '../draft-thread/draft-answers.js';
import { bytesOf, onDraftThread, sendRendered } from '../draft-thread/draft-route.js';
import { draftDeps } from '../draft-thread/draft-deps.js';
import { notFound } from '../http-error.js';
import { requireContentType } from '../json-body.js';
import { explainParam, orderParam, pageParams, positiveIntParam } from '../params.js';
import { lawDateParam, threatModelParam } from '../threat-model-param.js';
import { cellColumns, selectCells } from '../cell-table.js';
import { todayUtc } from '../../law/in-force.js';
import { cellsAt, scoringDetail } from '../../service/answer-detail.js';
import { badRequest } from '../http-error.js';

/** Exposure: of a draft, of a stored provider, and providers ranked for a threat model. */
export function exposureRouter(ctx: AppContext): Router {
  const router = Router();
  const reader = ctx.exposure;
  const { params, jurisdictions } = ctx.policy;

  // Drafts are often re-scored unchanged (a form re-submitted, a CI check re-run). The answer is
  // a pure function of the body, the provider's latest stored version (findings compare with
  // it), the model, the law date and the day (warnings compare dates with today), so the whole
  // matrix's JSON is remembered under all of them. Only the serialised bytes are kept: their
  // size is exact and they hold nothing the garbage collector must walk.
  const drafts = byteBoundedCache<Buffer>('draft-exposures', 64 * 1024 * 1024);

  router.post('/score', requireContentType(), ctx.json, async (req, res) => {
    const query: ScoreQuery = { model: threatModelParam(req, ctx), lawDate: lawDateParam(req) ?? todayUtc(), explain: explainParam(req.query.explain), csv: wantsCsv(req), today: todayUtc() };
    const unfiltered = isWholeMatrix(query);
    const claimedId = claimedProvider(req.body);
    const latest = claimedId !== undefined ? ctx.atlas.latestOf(claimedId) : undefined;
    const key = `${query.today}:${query.lawDate}:${query.explain}:${latest?.meta.version ?? 0}:${contentHash(req.rawBody ?? '')}`;
    // A precomputed ETag spares express hashing the whole body on every answer.
    const send = (json: Buffer) => res.vary('Accept').type('application/json').set('ETag', `W/"${params.modelVersion}|${key}"`).send(json);
    const remembered = unfiltered ? drafts.get(key) : undefined;
    if (remembered) return void send(remembered);

    // A large draft is checked, scored and serialised on a draft thread, which is sent the stored
    // text of the latest version its findings compare with; a small one here, as cheaply as before.
    const rendered = onDraftThread(ctx.drafts, req.rawBody)
      ? await ctx.drafts.pool.run({ kind: 'score', body: req.rawBody, previous: latest && (await ctx.atlas.record(latest.meta.providerId, latest.meta.version))?.body, query })
      : renderScore(draftDeps(ctx), req.body, latest && (await ctx.atlas.latestDeclaration(latest.meta.providerId)), query);
    if (!unfiltered) return void sendRendered(res, rendered, { varyAccept: true });
    const json = bytesOf(rendered);
    drafts.set(key, json, { size: json.length });
    send(json);
  });

  router.get('/providers/:providerId/exposure', async (req, res) => {
    const latest = latestOr404(ctx.atlas, req.params.providerId);
    const providerId = latest.meta.providerId;
    const version = positiveIntParam('version', req.query.version, latest.meta.version);
    const model = threatModelParam(req, ctx);
    const lawDate = lawDateParam(req) ?? todayUtc();
    const explain = explainParam(req.query.explain);
    const result = await reader.of(providerId, version, { lawDate, explain: scoringDetail(explain) });
    if (!result) throw notFound(`No version ${version} of provider "${providerId}".`);
    const analysis = (await ctx.atlas.analysisAt(providerId, version))!;
    const cells = selectCells(result.cells, model);
    sendTable(req, res, {
      columns: cellColumns(providerId, { version }),
      rows: cells,
      filename: `${providerId}-v${version}-exposure`,
      json: { providerId, version, modelVersion: result.modelVersion, lawDate: result.lawDate, explain, summary: lawDate === analysis.lawDate ? analysis.exposure : summarizeExposure(result, params), ...cellsAt(cells, explain) },
    });
  });

  // One cell in full (its pathways, cited facts, explanations and the notes on its unknowns):
  // the data behind the HTML page /providers/{id}/cells/{category}/{jurisdiction}.
  router.get('/providers/:providerId/cells/:category/:jurisdiction', async (req, res) => {
    const latest = latestOr404(ctx.atlas, req.params.providerId);
    const providerId = latest.meta.providerId;
    const version = positiveIntParam('version', req.query.version, latest.meta.version);
    const category = String(req.params.category);
    const jurisdiction = String(req.params.jurisdiction).toUpperCase();
    if (!ctx.categories.some((c) => c.id === category)) throw badRequest(`Unknown category "${category}". Known: ${ctx.categories.map((c) => c.id).join(', ')}.`, { errors: [{ pointer: '', parameter: 'category', keyword: 'enum', message: `unknown category "${category}"` }] });
    if (!jurisdictions.some((j) => j.code === jurisdiction)) throw badRequest(`No jurisdiction profile for "${jurisdiction}". Known: ${jurisdictions.map((j) => j.code).join(', ')}.`, { errors: [{ pointer: '', parameter: 'jurisdiction', keyword: 'enum', message: `no jurisdiction profile for "${jurisdiction}"` }] });
    const lawDate = lawDateParam(req) ?? todayUtc();
    const result = await reader.of(providerId, version, { lawDate, explain: 'full' });
    if (!result) throw notFound(`No version ${version} of provider "${providerId}".`);
    const cell = result.cells.find((c) => c.category === category && c.jurisdiction === jurisdiction);
    if (!cell) throw notFound(`Provider "${providerId}" has no cell ${category} × ${jurisdiction}.`);
    res.json({ providerId, version, modelVersion: result.modelVersion, lawDate: result.lawDate, cell });
  });

  router.get('/exposure', async (req, res) => {
    const model = threatModelParam(req, ctx);
    const { limit, offset } = pageParams(req.query);
    const lawDate = lawDateParam(req) ?? todayUtc();
    const order = orderParam(req.query.order);
    const page = await ctx.rankings.page(model, order, lawDate, offset, limit, ctx.rankWait);
    const items = page.items.map((r) => ({ ...rankedProvider(r), grade: gradeFor(r.worstCase, params), establishedGrade: gradeFor(r.established, params) }));
    sendTable(req, res, {
      columns: [
        { header: 'rank', value: (r) => r.rank },
        { header: 'providerId', value: (r) => r.providerId },
        { header: 'name', value: (r) => r.name },
        { header: 'latestVersion', value: (r) => r.latestVersion },
        { header: 'established', value: (r) => r.established },
        { header: 'worstCase', value: (r) => r.worstCase },
        { header: 'score', value: (r) => r.score },
        { header: 'grade', value: (r) => r.grade },
        { header: 'establishedGrade', value: (r) => r.establishedGrade },
        { header: 'worstCategory', value: (r) => r.worstCell.category },
        { header: 'worstJurisdiction', value: (r) => r.worstCell.jurisdiction },
        { header: 'disclosureScore', value: (r) => r.disclosureScore },
      ],
      rows: items,
      filename: 'exposure-ranking',
      json: {
        modelVersion: params.modelVersion,
        lawDate,
        order,
        threatModel: model,
        total: page.total,
        limit,
        offset,
        items,
        undeclared: page.undeclared,
        // Providers known only from observations: never ranked with self-declared entries on this basis (see basis=observed).
        notDeclaredByProvider: ctx.observations.undeclared().map((u) => u.providerId),
      },
    });
  });

  return router;
}
