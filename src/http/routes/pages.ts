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
import { filterForm, type FilterOptions } from '../../report/layout.js';
import { defaultJurisdictions } from '../../report/default-jurisdictions.js';
import { observationPage, observationsPage, versionsPage } from '../../report/evidence-pages.js';
import type { RankingRow } from '../../report/ranking-page.js';
import { findingsWithEvidence } from '../../service/evidence-findings.js';
import { scoreAsObserved } from '../../service/observed-exposure.js';
import type { ObservedRankEntry } from '../../service/observed-reader.js';
import { providerPage } from '../../report/provider-page.js';
import { observationsSection, type AssessedItem } from '../../report/observations-section.js';
import { evidenceView } from '../../service/evidence-view.js';
import { rankingPage } from '../../report/ranking-page.js';
import { valuePage } from '../../report/value-page.js';
import { todayUtc } from '../../law/in-force.js';
import { gradeFor, summarizeExposure } from '../../scoring/index.js';
import { rankedProvider, type ThreatModel } from '../../service/ranking.js';
import type { AppContext } from '../context.js';
import { HttpError, badRequest, notFound } from '../http-error.js';
import { orderParam, positiveIntParam, providerIdParam } from '../params.js';
import { latestOr404 } from '../provider-view.js';
import { controlsQuery, pageControls, PAGE_ROWS, type PageControls } from '../page-controls.js';
import { pageSubject, observersOf } from '../page-subject.js';
import { sendHtml } from '../send-html.js';
import { lawDateParam, threatModelParam } from '../threat-model-param.js';
import { basisParam } from './observed-exposure.js';
import { comparePageRoute } from './compare-page.js';
import { guideRouter } from './guide.js';

const stylesheet = readFileSync(path.join(projectRoot, 'src/report/assets/report.css'), 'utf8') + heatmapCss();


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

  const allJurisdictions = policy.jurisdictions.map((j) => ({ code: j.code as string, name: j.name }));
  const profileOrder = allJurisdictions.map((j) => j.code);
  const filter = (action: string, model: ThreatModel, submit: string, c?: PageControls): FilterOptions => ({
    action,
    submit,
    jurisdictions: allJurisdictions,
    categories: categories.map((x) => ({ id: x.id, label: x.label })),
    selected: model,
    ...(c ? { lawDate: c.lawDate, basis: c.basis } : {}),
  });
  const describe = (model: ThreatModel) =>
    `${model.categories.length ? model.categories.map(categoryLabel).join(', ') : 'all data categories'}, as seen from ${model.jurisdictions.length ? model.jurisdictions.map(jurisdictionName).join(', ') : 'every jurisdiction'}`;

  router.get('/assets/report.css', (_req, res) => {
    res.type('text/css').set('Cache-Control', 'public, max-age=3600').send(stylesheet);
  });

  router.use(guideRouter());

  router.get('/', async (req, res) => {
    const c = pageControls(req, ctx);
    const { model, order, lawDate, basis } = c;
    const grades = (r: { worstCase: number; established: number }) => ({ grade: gradeFor(r.worstCase, policy.params), establishedGrade: gradeFor(r.established, policy.params) });
    let rows: RankingRow[];
    let undeclared: string[];
    let evidenceOnly: RankingRow[] | undefined;
    const observedRows = (ranked: ObservedRankEntry[]) =>
      ranked.map((r): RankingRow => {
        const base = rankedProvider(r);
        return r.declaredByProvider
          ? { ...base, ...grades(r), asOf: r.latest.summary.asOf, declaredByProvider: true, observers: [] }
          : { ...base, latestVersion: undefined, disclosureScore: undefined, ...grades(r), asOf: r.latest.summary.asOf, declaredByProvider: false, observers: observersOf(ctx, base.providerId) };
      });
    if (basis === 'observed') {
      const observed = await ctx.observed.rank(model, order, lawDate);
      rows = observedRows(observed.ranked);
      undeclared = observed.undeclared;
    } else {
      const declared = await ctx.rankings.rank(model, order, lawDate, ctx.rankWait);
      rows = declared.ranked.map((r) => ({ ...rankedProvider(r), ...grades(r), asOf: r.latest.summary.asOf, declaredByProvider: true, observers: [] }));
      undeclared = declared.undeclared;
      // Providers known only from evidence are not left out: ranked apart, on what reviewers documented.
      if (ctx.observations.undeclared().length > 0) {
        const observed = await ctx.observed.rank(model, order, lawDate);
        evidenceOnly = observedRows(observed.ranked.filter((r) => !r.declaredByProvider)).map((r, i, all) => ({ ...r, rank: i > 0 && all[i - 1].worstCase === r.worstCase && all[i - 1].established === r.established ? all[i - 1].rank : i + 1 }));
      }
    }
    const other = controlsQuery({ ...c, basisGiven: true, offset: 0 }, { basis: basis === 'observed' ? 'declared' : 'observed' });
    sendHtml(
      res,
      rankingPage({
        rows: rows.slice(c.offset, c.offset + c.limit),
        total: rows.length,
        offset: c.offset,
        limit: c.limit,
        pageHref: (offset) => `/?${controlsQuery(c, { offset: offset > 0 ? String(offset) : undefined })}`,
        evidenceOnly,
        basis,
        otherBasisHref: `/?${other}`,
        order,
        lawDate,
        undeclared: undeclared.slice(0, PAGE_ROWS).map((id) => ({ providerId: id, name: atlas.latestOf(id)?.summary.name ?? id })),
        undeclaredTotal: undeclared.length,
        threatModel: describe(model),
        filter: filter('/', model, 'Rank', c),
        categoryLabel,
        grades: policy.params.grades,
        modelVersion: policy.params.modelVersion,
        query: controlsQuery(c, { offset: undefined, limit: undefined }),
      }),
    );
  });

  router.get('/providers/:providerId', async (req, res) => {
    const c = pageControls(req, ctx);
    const subject = await pageSubject(ctx, req.params.providerId, { lawDate: c.lawDate, basis: c.basisGiven ? c.basis : undefined });
    const { providerId, result } = subject;
    const controls: PageControls = { ...c, basis: subject.basis };
    // Wide table: the columns that matter by default, every one on request.
    const jurisdictions = c.jurisdictionChoice === 'default' ? defaultJurisdictions([subject.declaration], result.cells, profileOrder) : c.model.jurisdictions;
    const shown = { jurisdictions, categories: c.model.categories };
    const enc = encodeURIComponent(providerId);
    const overall = summarizeExposure(result, policy.params).overall;
    const latest = subject.latest;
    const analysis = latest ? await atlas.analysisAt(providerId, latest.meta.version) : undefined;
    // The findings the API lists: those remembered with the version and those judged when read (evidence, staleness).
    const findings = latest && analysis ? findingsWithEvidence(analysis.findings, subject.declaration, ctx.observations.facts(providerId), todayUtc()) : undefined;
    const history = latest ? await atlas.history(providerId) : [];
    const declaredBase = subject.declaredByProvider ? subject.declaration : (await ctx.observations.baseOf(providerId))!.declaration;
    const declaredResult = subject.basis === 'declared' ? result : subject.declaredByProvider ? (await reader.of(providerId, latest!.meta.version, { lawDate: c.lawDate }))! : undefined;
    const assessments = assessedItems(providerId);
    const evidence = ctx.observations.list(providerId).length || assessments.length
      ? await evidenceView(ctx.observations, ctx.observed, providerId, { declaration: declaredBase, result: declaredResult ?? scoreAsObserved(declaredBase, [], policy, { lawDate: c.lawDate }).result }, result.lawDate)
      : undefined;
    // The evidence table follows what the reader chose; the default columns would hide differences elsewhere.
    const chosenJ = c.jurisdictionChoice === 'chosen' ? c.model.jurisdictions : [];
    const selection = (category: string, jurisdiction: string) => (shown.categories.length === 0 || shown.categories.includes(category)) && (chosenJ.length === 0 || chosenJ.includes(jurisdiction));
    const asOfQuery = controlsQuery({ ...controls, lawDateGiven: true, lawDate: subject.asOf, basisGiven: c.basisGiven });
    sendHtml(
      res,
      providerPage({
        declaration: subject.declaration,
        declaredByProvider: subject.declaredByProvider,
        observers: subject.observers,
        basis: subject.basis,
        ...(latest ? { latest: latest.meta } : {}),
        exposure: { ...overall, modelVersion: result.modelVersion, lawDate: result.lawDate },
        ...(analysis ? { disclosure: analysis.disclosure } : {}),
        grid: exposureGrid(result.cells, shown),
        history: [...history].reverse().slice(0, PAGE_ROWS),
        historyTotal: history.length,
        filter: {
          ...filter(`/providers/${providerId}`, shown, 'Show', controls),
          columns: {
            choice: c.jurisdictionChoice,
            defaultHref: `/providers/${enc}?${controlsQuery(controls, { jurisdiction: undefined })}#exposure`,
            allHref: `/providers/${enc}?${controlsQuery(controls, { jurisdiction: '' })}#exposure`,
          },
          asOf: { date: subject.asOf, href: `/providers/${enc}?${asOfQuery}`, ...(subject.declaredByProvider ? {} : { what: 'The latest evidence is' }) },
        },
        query: controlsQuery(controls),
        // Short cell links (a wide table has hundreds): only what differs from the cell page's defaults.
        cellQuery: controlsQuery({ ...controls, model: { jurisdictions: [], categories: [] }, jurisdictionChoice: 'default', orderGiven: false, limit: PAGE_ROWS, offset: 0 }),
        findings,
        categories,
        origin: originOf(req),
        categoryLabel,
        jurisdictionName,
        observed: evidence ? observationsSection(evidence, { categoryLabel, jurisdictionName, shows: selection, limit: PAGE_ROWS, assessments }) : undefined,
      }),
    );
  });

  router.get('/providers/:providerId/cells/:category/:jurisdiction', async (req, res) => {
    const category = String(req.params.category);
    const jurisdiction = String(req.params.jurisdiction).toUpperCase();
    if (!categoryLabels.has(category)) throw badRequest(`Unknown category "${category}". Known: ${[...categoryLabels.keys()].join(', ')}.`);
    if (!jurisdictionNames.has(jurisdiction)) throw badRequest(`No jurisdiction profile for "${jurisdiction}". Known: ${[...jurisdictionNames.keys()].join(', ')}.`);
    const c = pageControls(req, ctx);
    const subject = await pageSubject(ctx, req.params.providerId, { lawDate: c.lawDate, basis: c.basisGiven ? c.basis : undefined, explain: 'full' });
    const { providerId, result } = subject;
    const cell = result.cells.find((x) => x.category === category && x.jurisdiction === jurisdiction);
    if (!cell) throw notFound(`Provider "${providerId}" has no cell ${category} × ${jurisdiction}.`);
    const here = `/providers/${encodeURIComponent(providerId)}/cells/${category}/${jurisdiction}`;
    const controls = filterForm({
      action: here,
      submit: 'Show',
      jurisdictions: [],
      categories: [],
      selected: { jurisdictions: [], categories: [] },
      lawDate: result.lawDate,
      basis: subject.basis,
      asOf: { date: subject.asOf, href: `${here}?lawDate=${subject.asOf}&basis=${subject.basis}`, ...(subject.declaredByProvider ? {} : { what: 'The latest evidence is' }) },
      only: true,
    });
    sendHtml(
      res,
      cellPage({
        providerId,
        providerName: subject.name,
        ...(subject.latest ? { version: subject.latest.meta.version } : {}),
        cell,
        basis: subject.basis,
        declaredByProvider: subject.declaredByProvider,
        observers: subject.observers,
        controls,
        modelVersion: result.modelVersion,
        lawDate: result.lawDate,
        categoryLabel,
        jurisdictionName,
      }),
    );
  });

  router.get('/providers/:providerId/declarations', async (req, res) => {
    const latest = latestOr404(atlas, req.params.providerId);
    const providerId = latest.meta.providerId;
    const c = pageControls(req, ctx);
    const history = [...(await atlas.history(providerId))].reverse();
    sendHtml(
      res,
      versionsPage({
        providerId,
        name: latest.summary.name,
        versions: history.slice(c.offset, c.offset + c.limit),
        total: history.length,
        offset: c.offset,
        limit: c.limit,
        pageHref: (offset) => `/providers/${encodeURIComponent(providerId)}/declarations${offset > 0 ? `?offset=${offset}` : ''}`,
      }),
    );
  });

  /** A provider's assessments, newest last, each with the facts of it the observed view reads. */
  function assessedItems(providerId: string): AssessedItem[] {
    const facts = ctx.assessments.placed(providerId);
    return ctx.assessments.list(providerId).map((assessment) => ({
      assessment,
      facts: facts.filter((f) => f.assessment === assessment.id).map((f) => ({ pointer: f.pointer, value: f.value })),
    }));
  }

  /** A provider's evidence with each item's relation to its declaration, for the evidence pages. */
  async function evidenceOf(rawId: unknown) {
    const providerId = providerIdParam(String(rawId));
    const base = await ctx.observations.baseOf(providerId);
    if (!base) throw notFound(`No evidence about "${providerId}".`);
    const declared = scoreAsObserved(base.declaration, [], policy, {}).result;
    const view = await evidenceView(ctx.observations, ctx.observed, providerId, { declaration: base.declaration, result: declared }, declared.lawDate);
    return { providerId, name: base.declaration.provider.name, declaredByProvider: base.declaredByProvider, view };
  }

  router.get('/providers/:providerId/observations', async (req, res) => {
    const c = pageControls(req, ctx);
    const { providerId, name, declaredByProvider, view } = await evidenceOf(req.params.providerId);
    sendHtml(
      res,
      observationsPage({
        providerId,
        name,
        declaredByProvider,
        items: view.items.slice(c.offset, c.offset + c.limit),
        conflicts: view.conflicts,
        total: view.items.length,
        offset: c.offset,
        limit: c.limit,
        pageHref: (offset) => `/providers/${encodeURIComponent(providerId)}/observations${offset > 0 ? `?offset=${offset}` : ''}`,
      }),
    );
  });

  router.get('/providers/:providerId/observations/:observationId', async (req, res) => {
    const { providerId, name, declaredByProvider, view } = await evidenceOf(req.params.providerId);
    const id = positiveIntParam('observationId', req.params.observationId);
    const item = view.items.find((i) => i.observation.id === id);
    if (!item) throw notFound(`No observation ${id} of provider "${providerId}".`);
    sendHtml(res, observationPage({ providerId, name, declaredByProvider, item, conflicts: view.conflicts }));
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
