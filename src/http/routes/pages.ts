import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import { projectRoot } from '../../paths.js';
import { badgeSvg } from '../../report/badge-svg.js';
import { exposureGrid } from '../../report/exposure-grid.js';
import { errorPage } from '../../report/error-page.js';
import type { Html } from '../../report/html.js';
import type { FilterOptions } from '../../report/layout.js';
import { providerPage } from '../../report/provider-page.js';
import { rankingPage } from '../../report/ranking-page.js';
import { gradeFor } from '../../scoring/index.js';
import { rankedProvider, type ThreatModel } from '../../service/ranking.js';
import type { AppContext } from '../context.js';
import { latestOr404 } from '../provider-view.js';
import { HttpError, notFound } from '../http-error.js';
import { listParam, providerIdParam } from '../params.js';

const stylesheet = readFileSync(path.join(projectRoot, 'src/report/assets/report.css'), 'utf8');

const sendHtml = (res: Response, page: Html) => res.type('text/html; charset=utf-8').send(page.text);

/** Whether the client would rather read a page than a problem document (a browser, not an API client or curl). */
const wantsHtml = (req: Request) => req.accepts(['application/problem+json', 'application/json', 'text/html']) === 'text/html';

/**
 * A 4xx on a page, for a browser: a page that says what went wrong and where to go,
 * with the same status. API clients (and `Accept: *\/*`) still get problem+json from
 * the app's error handler; badges are images and always do.
 */
const pageErrors: ErrorRequestHandler = (error, req, res, next) => {
  if (!(error instanceof HttpError) || error.status >= 500 || req.path.startsWith('/badges/') || !wantsHtml(req)) return next(error);
  res.status(error.status).set('Vary', 'Accept');
  sendHtml(res, errorPage({ status: error.status, title: error.title, detail: error.detail }));
};

/**
 * Server-rendered pages for people: the ranking at `/`, a report per provider, an
 * embeddable SVG badge. They read the same read model and pure functions as the API.
 */
export function pagesRouter(ctx: AppContext): Router {
  const router = Router();
  const { atlas, policy, categories } = ctx;
  const reader = ctx.exposure;
  const categoryLabels = new Map(categories.map((c) => [c.id as string, c.label]));
  const jurisdictionNames = new Map(policy.jurisdictions.map((j) => [j.code as string, j.name]));
  const categoryLabel = (id: string) => categoryLabels.get(id) ?? id;
  const jurisdictionName = (code: string) => jurisdictionNames.get(code) ?? code;

  /** Filters from the query; a page ignores values it does not know rather than answering with an error. */
  const threatModel = (req: Request): ThreatModel => ({
    jurisdictions: listParam(req.query.jurisdiction).map((j) => j.toUpperCase()).filter((j) => jurisdictionNames.has(j)),
    categories: listParam(req.query.category).filter((c) => categoryLabels.has(c)),
  });
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

  router.get('/', (req, res) => {
    const model = threatModel(req);
    const { ranked, undeclared } = ctx.rankings.rank(model);
    sendHtml(
      res,
      rankingPage({
        rows: ranked.map((r, i) => ({ ...rankedProvider(r), rank: i + 1, grade: gradeFor(r.score, policy.params), asOf: r.latest.declaration.asOf })),
        undeclared: undeclared.map((id) => ({ providerId: id, name: atlas.latestOf(id)!.declaration.provider.name })),
        threatModel: describe(model),
        filter: filter('/', model, 'Rank'),
        categoryLabel,
        grades: policy.params.grades,
        modelVersion: policy.params.modelVersion,
      }),
    );
  });

  router.get('/providers/:providerId', async (req, res) => {
    const latest = latestOr404(atlas, req.params.providerId);
    const providerId = latest.meta.providerId;
    const model = threatModel(req);
    const result = (await reader.of(providerId, latest.meta.version))!;
    const { analysis } = latest;
    sendHtml(
      res,
      providerPage({
        declaration: latest.declaration,
        latest: latest.meta,
        exposure: { grade: analysis.grade, score: analysis.exposureScore, modelVersion: result.modelVersion },
        disclosure: analysis.disclosure,
        grid: exposureGrid(result.cells, model),
        history: await atlas.history(providerId),
        filter: filter(`/providers/${providerId}`, model, 'Show'),
        findings: analysis.findings,
        grades: policy.params.grades,
        categoryLabel,
        jurisdictionName,
      }),
    );
  });

  router.get('/badges/:badge', (req, res) => {
    const match = /^(.+)\.svg$/.exec(String(req.params.badge));
    if (!match) throw notFound('Badges are at /badges/{providerId}.svg.');
    const latest = atlas.latestOf(providerIdParam(match[1]));
    if (!latest) throw notFound(`No provider "${match[1]}".`);
    const { analysis, declaration } = latest;
    // Meant to be embedded on other sites: helmet's same-origin resource policy would block that.
    res.set('Cross-Origin-Resource-Policy', 'cross-origin').set('Cache-Control', 'public, max-age=300');
    res.type('image/svg+xml').send(
      badgeSvg({ name: declaration.provider.name, grade: analysis.grade, exposureScore: analysis.exposureScore, disclosureScore: analysis.disclosureScore }).text,
    );
  });

  router.use(pageErrors);
  return router;
}
