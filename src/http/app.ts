import express, { type Express } from 'express';
import type { Store as RateLimitStore } from 'express-rate-limit';
import type { Analysis, PolicyData } from '../service/analysis.js';
import type { ProviderSummary } from '../service/provider-entry.js';
import type { Atlas } from '../service/atlas.js';
import type { Category } from '../policies/categories.js';
import { authContext, type AuthOptions } from './auth-options.js';
import { requireAdmin } from './authorization.js';
import { corsFor, securityHeaders } from './browser-policy.js';
import type { AppContext } from './context.js';
import { errorHandler } from './error-handler.js';
import { HttpError } from './http-error.js';
import { jsonBody } from './json-body.js';
import { rateLimitPerClient } from './rate-limit.js';
import { unknownQueryGuard } from './query-guard.js';
import { readiness, type ReadinessCheck } from './readiness.js';
import { auditRouter } from './routes/audit.js';
import { docsRouter } from './routes/docs.js';
import { pagesRouter } from './routes/pages.js';
import { exposureRouter } from './routes/exposure.js';
import { jurisdictionsRouter } from './routes/jurisdictions.js';
import { keysRouter } from './routes/keys.js';
import { providersRouter } from './routes/providers.js';
import { referenceRouter } from './routes/reference.js';
import { transparencyRouter } from './routes/transparency.js';
import { diffRouter } from './routes/diff.js';
import { compareRouter } from './routes/compare.js';
import { feedsRouter } from './routes/feeds.js';
import { findingsRouter } from './routes/findings.js';
import { tiltRouter } from './routes/tilt.js';
import { validateRouter } from './routes/validate.js';
import { writeGuard } from './write-guard.js';
import { versionQuotaGuard } from './version-quota-guard.js';
import type { VersionQuota } from '../service/version-quota.js';
import { observationsRouter } from './routes/observations.js';
import { observedExposureRouter } from './routes/observed-exposure.js';
import { ObservedReader } from '../service/observed-reader.js';
import type { ObservationService } from '../service/observation-service.js';
import type { AssessmentService } from '../service/assessment-service.js';
import type { CampaignService } from '../service/campaign-service.js';
import { assessmentsRouter } from './routes/assessments.js';
import { campaignsRouter } from './routes/campaigns.js';
import { campaignPagesRouter } from './routes/campaign-pages.js';
import { ExposureReader } from '../service/exposure-reader.js';
import { RANK_SLICE_MS, RANK_WAIT_MS, RankingCache } from '../service/ranking-cache.js';
import type { Logger } from 'pino';
import { createLogger, requestLogging } from './logger.js';
import { createMetrics, type Metrics } from './metrics.js';
import { DRAFT_THREAD_MIN_BYTES, draftPool, type DraftPool } from './draft-thread/draft-pool.js';
import { storedMatrices } from './draft-thread/stored-matrices.js';

export interface AppOptions {
  /** Observations about providers (evidence beside claims). */
  observations: ObservationService;
  /** Reviewers' assessments (their facts read with the observations). */
  assessments: AssessmentService;
  /** Campaigns: asks sent to providers, and their scorecards. */
  campaigns: CampaignService;
  /** Full exposure matrices of stored versions (shared with the campaigns' scorecards); made here when absent. */
  exposure?: ExposureReader;
  atlas: Atlas<Analysis, ProviderSummary>;
  categories: Category[];
  policy: PolicyData;
  openapi: object;
  /** Maximum request body size (bytes or a string such as "1mb"). */
  bodyLimit?: string | number;
  /** How long a request waits for a ranking under a law date not computed yet before it is answered 503 busy (default RANK_WAIT_MS, 2 s). */
  rankWaitMs?: number;
  /** API keys and the audit trail; without it no write is allowed. */
  auth?: AuthOptions;
  /** Versions a provider may add per hour and per day (admin keys exempt); absent or 0: unlimited. */
  versionQuota?: VersionQuota;
  /** Requests per client per minute on /v1 (admin keys exempt); 0 or absent: unlimited. */
  rateLimitPerMinute?: number;
  /** Where rate-limit counters live when shared by replicas (PostgreSQL); default: this process. */
  rateLimitStore?: RateLimitStore;
  /** What GET /readyz checks besides the process being up (the database, when there is one). */
  readinessChecks?: Record<string, ReadinessCheck>;
  /** Origins allowed by CORS (`*` for any); empty or absent: no CORS headers. */
  corsOrigins?: string[];
  /** express `trust proxy` (when behind a reverse proxy, so rate limits see client addresses). */
  trustProxy?: boolean | number | string;
  log?: (message: string, error: unknown) => void;
  /** Structured request and error log (pino); default: JSON on stdout at LOG_LEVEL, silent under Jest. */
  logger?: Logger;
  /** Prometheus metrics served at GET /metrics; default: a fresh registry. */
  metrics?: Metrics;
  /** Threads that answer large drafts (DRAFT_WORKERS); default: the process's shared pool of one thread. */
  draftPool?: DraftPool;
  /** Bodies from this size (bytes) are answered on a draft thread; default DRAFT_THREAD_MIN_BYTES (64 KB). */
  draftThreadMinBytes?: number;
}

/**
 * The methods openapi.yaml documents for the path a request names (GET implying HEAD),
 * or undefined when it names no documented path: what turns a wrong method into a 405
 * with `Allow` instead of a 404.
 */
function methodsByPath(openapi: object): (path: string) => string[] | undefined {
  const paths = (openapi as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  const routes = Object.entries(paths).map(([template, item]) => {
    const pattern = template
      .split(/(\{[^}]+\})/)
      .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
      .join('');
    const methods = ['get', 'post', 'put', 'patch', 'delete'].filter((m) => item[m] !== undefined).map((m) => m.toUpperCase());
    if (methods.includes('GET')) methods.splice(1, 0, 'HEAD');
    return { pattern: new RegExp(`^${pattern}/?$`), methods };
  });
  return (path) => routes.find((r) => r.pattern.test(path))?.methods;
}

/** Files the pages load (no computation): outside the rate limit like /docs. */
const STATIC_PAGE_FILES = /^\/(assets|guide)\//;

/** Builds the express app; it never listens (main.ts and tests decide that). */
export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
  const logger = options.logger ?? createLogger();
  const metrics = options.metrics ?? createMetrics();
  const log = options.log ?? ((message: string, error: unknown) => logger.error({ err: error }, message));
  const auth = authContext(options.auth);
  const drafts = { pool: options.draftPool ?? draftPool(), minBytes: options.draftThreadMinBytes ?? DRAFT_THREAD_MIN_BYTES };
  const exposure = options.exposure ?? new ExposureReader(options.atlas, options.policy, storedMatrices(drafts));
  // A ranking under other law reads a large version's columns from its matrix, made on a draft thread.
  const rankings = new RankingCache(options.atlas, options.policy, RANK_SLICE_MS, { minBytes: drafts.minBytes, of: (providerId, version, lawDate) => exposure.of(providerId, version, { lawDate }) });
  const ctx: AppContext = {
    atlas: options.atlas,
    categories: options.categories,
    policy: options.policy,
    exposure,
    rankings,
    rankWait: { waitMs: options.rankWaitMs ?? RANK_WAIT_MS },
    openapi: options.openapi,
    guardWrite: writeGuard(auth.authenticator, auth.audit, log),
    guard: (permits) => writeGuard(auth.authenticator, auth.audit, log, permits),
    observations: options.observations,
    assessments: options.assessments,
    campaigns: options.campaigns,
    observed: new ObservedReader(options.atlas, options.observations, options.policy, rankings),
    requireAdmin: requireAdmin(auth.authenticator),
    auth,
    json: jsonBody(options.bodyLimit ?? '1mb'),
    versionQuota: versionQuotaGuard(options.atlas, options.versionQuota, options.auth?.clock),
    drafts,
  };

  app.use(requestLogging(logger));
  app.use(metrics.middleware);
  app.use(securityHeaders());
  const cors = corsFor(options.corsOrigins ?? []);
  if (cors) app.use(cors);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', providers: ctx.atlas.providerIds().length });
  });
  // Ready once the read model is built (every latest analysis loaded) and the store answers.
  // (With PostgreSQL the caller's `database` check stands for the store.)
  app.get('/readyz', readiness(options.readinessChecks ?? { store: async () => void (await options.atlas.store.providerIds()) }, log));
  app.get('/metrics', async (_req, res) => {
    res.set('Cache-Control', 'no-store').type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  const v1 = express.Router();
  // One budget per client for the API and the pages, badges and SVGs (each a computation as costly as its API answer).
  const limit = options.rateLimitPerMinute ? rateLimitPerClient(options.rateLimitPerMinute, auth.authenticator, options.rateLimitStore) : undefined;
  if (limit) v1.use(limit);
  // Only the query parameters openapi.yaml declares for an operation: a misspelt filter is a 400, not an unfiltered answer.
  v1.use(unknownQueryGuard(options.openapi));
  v1.use(validateRouter(ctx));
  v1.use(providersRouter(ctx));
  v1.use(observationsRouter(ctx));
  v1.use(assessmentsRouter(ctx));
  v1.use(campaignsRouter(ctx));
  v1.use(referenceRouter(ctx));
  v1.use(observedExposureRouter(ctx));
  v1.use(exposureRouter(ctx));
  v1.use(jurisdictionsRouter(ctx));
  v1.use(keysRouter(ctx));
  v1.use(auditRouter(ctx));
  v1.use(transparencyRouter(ctx));
  v1.use(findingsRouter(ctx));
  v1.use(diffRouter(ctx));
  v1.use(compareRouter(ctx));
  v1.use(feedsRouter(ctx));
  v1.use(tiltRouter(ctx));
  app.use('/v1', v1);
  // After /v1: API requests, the busiest, are not matched against every page route first.
  app.use(docsRouter(ctx));
  // The docs (static) are answered above, uncounted; so are the pages' stylesheet and guide.
  if (limit) app.use((req, res, next) => (STATIC_PAGE_FILES.test(req.path) ? next() : limit(req, res, next)));
  app.use(pagesRouter(ctx));
  app.use(campaignPagesRouter(ctx));

  const allowedMethods = methodsByPath(options.openapi);
  app.use((req) => {
    const allowed = allowedMethods(req.path);
    if (allowed) {
      throw new HttpError(405, 'Method Not Allowed', `${req.path} answers ${allowed.join(', ')}, not ${req.method}.`, {}, { Allow: allowed.join(', ') });
    }
    throw new HttpError(404, 'Not Found', `No route for ${req.method} ${req.path}.`);
  });
  app.use(errorHandler(log));
  return app;
}
