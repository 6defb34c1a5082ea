import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Router, type ErrorRequestHandler, type Request } from 'express';
import { resolvePointer } from '../../formats/json-pointer.js';
import { projectRoot } from '../../paths.js';
import { badgeSvg } from '../../report/badge-svg.js';
import { cellPage } from '../../report/cell-page.js';
import { errorPage } from '../../report/error-page.js';
import { exposureGrid } from '../../report/exposure-grid.js';
import { heatmapCss } from '../../report/heatmap-table.js';
import { heatmapSvg } from '../../report/heatmap-svg.js';
import type { FilterOptions } from '../../report/layout.js';
import { providerPage } from '../../report/provider-page.js';
import { observationsSection } from '../../report/observations-section.js';
import { evidenceView } from '../../service/evidence-view.js';
import { rankingPage } from '../../report/ranking-page.js';
import { valuePage } from '../../report/value-page.js';
import { todayUtc } from '../../law/in-force.js';
import { gradeFor, summarizeExposure } from '../../scoring/index.js';
import { rankedProvider, type ThreatModel } from '../../service/ranking.js';
import type { AppContext } from '../context.js';
import { HttpError, badRequest, notFound } from '../http-error.js';
import { orderParam, positiveIntParam, providerIdParam } from '../params.js';
import { fullLatestOr404, latestOr404 } from '../provider-view.js';
import { sendHtml } from '../send-html.js';
import { lawDateParam, threatModelParam } from '../threat-model-param.js';
import { basisParam } from './observed-exposure.js';
import { comparePageRoute } from './compare-page.js';

const stylesheet = readFileSync(path.join(projectRoot, 'src/report/assets/report.css'), 'utf8') + heatmapCss();
/** The field guide for providers, served as written (docs/declaration-guide.md). */
const guide = readFileSync(path.join(projectRoot, 'docs/declaration-guide.md'), 'utf8');


/** This instance's address as the client reached it, for links that leave the site (embed snippets). */
export const originOf = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

/** Whether the client would rather read a page than a problem document (a browser, not an API client or curl). */
const wantsHtml = (req: Request) => req.accepts(['application/problem+json', 'application/json', 'text/html']) === 'text/html';

/**
 * A 4xx on a page, for a browser: a page that says what went wrong and where to go,
 * with the same status. API clients (and `Accept: *\/*`) still get problem+json from
 * the app's error handler; badges and SVG pictures are images and always do.
 */
const pageErrors: ErrorRequestHandler = (error, req, res, next) => {
  if (!(error instanceof HttpError) || error.status >= 500 || req.path.endsWith('.svg') || !wantsHtml(req)) return next(error);
  res.status(error.status).set('Vary', 'Accept');
  sendHtml(res, errorPage({ status: error.status, title: error.title, detail: error.detail }));
};

/**
 * Server-rendered pages for people: the ranking at `/`, a report per provider with a page
 * per heatmap cell and per raw value, the compare page, an embeddable SVG badge. They
 * read the same read model and pure functions as the API, and answer unknown filter
 * values with 400 as the API does.
 */
export function pagesRouter(ctx: AppContext): Router {
  const router = Router();
  const { atlas, policy, categories } = ctx;
  const reader = ctx.exposure;
  const categoryLabels = new Map(categories.map((c) => [c.id as string, c.label]));
  const jurisdictionNames = new Map(policy.jurisdictions.map((j) => [j.code as string, j.name]));
  const categoryLabel = (id: string) => categoryLabels.get(id) ?? id;
  const jurisdictionName = (code: string) => (code === '001' ? 'worldwide' : (jurisdictionNames.get(code) ?? code));

  const filter = (action: string, model: ThreatModel, submit: string): FilterOptions => ({
    action,
    submit,
    jurisdictions: policy.jurisdictions.map((j) => ({ code: j.code, name: j.name })),
    categories: categories.map((c) => ({ id: c.id, label: c.label })),
    selected: model,
  });
  const describe = (model: ThreatModel) =>
    `${model.categories.length ? model.categories.map(categoryLabel).join(', ') : 'all data categories'}, as seen from ${model.jurisdictions.length ? model.jurisdictions.map(jurisdictionName).join(', ') : 'every jurisdiction'}`;

  router.get('/assets/report.css', (_req, res) => {
    res.type('text/css').set('Cache-Control', 'public, max-age=3600').send(stylesheet);
  });

  router.get('/guide/declaration-guide.md', (_req, res) => {
    res.type('text/markdown; charset=utf-8').set('Cache-Control', 'public, max-age=3600').send(guide);
  });

  router.get('/', async (req, res) => {
    const model = threatModelParam(req, ctx);
    const order = orderParam(req.query.order);
    const lawDate = lawDateParam(req) ?? todayUtc();
    const { ranked, undeclared } = await ctx.rankings.rank(model, order, lawDate);
    sendHtml(
      res,
      rankingPage({
        rows: ranked.map((r) => ({
          ...rankedProvider(r),
          grade: gradeFor(r.worstCase, policy.params),
          establishedGrade: gradeFor(r.established, policy.params),
          asOf: r.latest.summary.asOf,
        })),
        order,
        lawDate,
        undeclared: undeclared.map((id) => ({ providerId: id, name: atlas.latestOf(id)!.summary.name })),
        threatModel: describe(model),
        filter: filter('/', model, 'Rank'),
        categoryLabel,
        grades: policy.params.grades,
        modelVersion: policy.params.modelVersion,
        query: new URLSearchParams([
          ...model.jurisdictions.map((j) => ['jurisdiction', j]),
          ...model.categories.map((c) => ['category', c]),
          ...(req.query.order !== undefined ? [['order', order]] : []),
          ...(req.query.lawDate !== undefined ? [['lawDate', lawDate]] : []),
        ]).toString(),
      }),
    );
  });

  router.get('/providers/:providerId', async (req, res) => {
    const latest = await fullLatestOr404(atlas, req.params.providerId);
    const providerId = latest.meta.providerId;
    const model = threatModelParam(req, ctx);
    const lawDate = lawDateParam(req) ?? todayUtc();
    const result = (await reader.of(providerId, latest.meta.version, { lawDate }))!;
    const { analysis } = latest;
    const overall = (lawDate === analysis.lawDate ? analysis.exposure : summarizeExposure(result, policy.params)).overall;
    sendHtml(
      res,
      providerPage({
        declaration: latest.declaration,
        latest: latest.meta,
        exposure: { ...overall, modelVersion: result.modelVersion, lawDate: result.lawDate },
        disclosure: analysis.disclosure,
        grid: exposureGrid(result.cells, model),
        history: await atlas.history(providerId),
        filter: filter(`/providers/${providerId}`, model, 'Show'),
        findings: analysis.findings,
        categories,
        origin: originOf(req),
        categoryLabel,
        jurisdictionName,
        observed: observationsSection(await evidenceView(ctx.observations, ctx.observed, providerId, { declaration: latest.declaration, result }, result.lawDate), { categoryLabel, jurisdictionName }),
      }),
    );
  });

  router.get('/providers/:providerId/cells/:category/:jurisdiction', async (req, res) => {
    const latest = latestOr404(atlas, req.params.providerId);
    const providerId = latest.meta.providerId;
    const category = String(req.params.category);
    const jurisdiction = String(req.params.jurisdiction).toUpperCase();
    if (!categoryLabels.has(category)) throw badRequest(`Unknown category "${category}". Known: ${[...categoryLabels.keys()].join(', ')}.`);
    if (!jurisdictionNames.has(jurisdiction)) throw badRequest(`No jurisdiction profile for "${jurisdiction}". Known: ${[...jurisdictionNames.keys()].join(', ')}.`);
    const lawDate = lawDateParam(req) ?? todayUtc();
    const result = (await reader.of(providerId, latest.meta.version, { lawDate, explain: 'full' }))!;
    const cell = result.cells.find((c) => c.category === category && c.jurisdiction === jurisdiction);
    if (!cell) throw notFound(`Provider "${providerId}" has no cell ${category} × ${jurisdiction}.`);
    sendHtml(
      res,
      cellPage({ providerId, providerName: latest.summary.name, version: latest.meta.version, cell, modelVersion: result.modelVersion, lawDate: result.lawDate, categoryLabel, jurisdictionName }),
    );
  });

  router.get('/providers/:providerId/declarations/:version', async (req, res) => {
    const latest = latestOr404(atlas, req.params.providerId);
    const providerId = latest.meta.providerId;
    const version = positiveIntParam('version', req.params.version);
    const declaration = await atlas.declarationAt(providerId, version);
    if (!declaration) throw notFound(`No version ${version} of provider "${providerId}".`);
    const pointer = req.query.pointer === undefined ? '' : req.query.pointer;
    if (typeof pointer !== 'string' || (pointer !== '' && !pointer.startsWith('/'))) throw badRequest('pointer must be a JSON Pointer such as /dataCategories/0/retention.');
    const value = resolvePointer(declaration, pointer);
    if (value === undefined) throw notFound(`Version ${version} of "${providerId}" has no value at ${pointer}.`);
    sendHtml(res, valuePage({ providerId, providerName: latest.summary.name, version, pointer, value }));
  });

  router.get('/providers/:providerId/heatmap.svg', async (req, res) => {
    const latest = latestOr404(atlas, req.params.providerId);
    const model = threatModelParam(req, ctx);
    const result = (await reader.of(latest.meta.providerId, latest.meta.version, { lawDate: lawDateParam(req) }))!;
    res.type('image/svg+xml').set('Cache-Control', 'public, max-age=300');
    res.send(
      heatmapSvg(
        exposureGrid(result.cells, model),
        { category: categoryLabel, jurisdiction: jurisdictionName },
        { provider: latest.summary.name, asOf: latest.summary.asOf, modelVersion: result.modelVersion },
        policy.params.grades,
      ).text,
    );
  });

  router.get('/compare', comparePageRoute(ctx, { categoryLabel, jurisdictionName }));

  router.get('/badges/:badge', async (req, res) => {
    const match = /^(.+)\.svg$/.exec(String(req.params.badge));
    if (!match) throw notFound('Badges are at /badges/{providerId}.svg.');
    const providerId = providerIdParam(match[1]);
    const lawDate = lawDateParam(req) ?? todayUtc();
    const basis = basisParam(req.query.basis);
    const latest = atlas.latestOf(providerId);
    // The headline on the chosen basis and law date: remembered for today's declared view, computed otherwise.
    let name: string;
    let overall;
    if (basis === 'observed') {
      const view = await ctx.observed.of(providerId, { lawDate });
      if (!view) throw notFound(`No provider "${providerId}".`);
      name = view.name;
      overall = summarizeExposure(view.observed.result, policy.params).overall;
    } else {
      if (!latest) throw notFound(`No provider "${providerId}".`);
      name = latest.summary.name;
      const { summary } = latest;
      overall =
        lawDate === summary.lawDate
          ? { grade: summary.grade, establishedGrade: summary.establishedGrade, worstCase: summary.exposureScore, established: summary.established }
          : summarizeExposure((await reader.of(providerId, latest.meta.version, { lawDate }))!, policy.params).overall;
    }
    // Meant to be embedded on other sites: helmet's same-origin resource policy would block that.
    res.set('Cross-Origin-Resource-Policy', 'cross-origin').set('Cache-Control', 'public, max-age=300');
    res.type('image/svg+xml').send(
      badgeSvg({
        name: basis === 'observed' ? `${name} (as observed)` : name,
        grade: overall.grade,
        establishedGrade: overall.establishedGrade,
        exposureScore: overall.worstCase,
        establishedScore: overall.established,
        disclosureScore: latest?.summary.disclosureScore,
      }).text,
    );
  });

  router.use(pageErrors);
  return router;
}
