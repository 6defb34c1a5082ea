import type { RequestHandler } from 'express';
import type { Analysis, PolicyData } from '../service/analysis.js';
import type { ProviderSummary } from '../service/provider-entry.js';
import type { Atlas } from '../service/atlas.js';
import type { ExposureReader } from '../service/exposure-reader.js';
import type { RankingCache, RankWait } from '../service/ranking-cache.js';
import type { Category } from '../policies/categories.js';
import type { AuthContext } from './auth-options.js';
import type { ObservationService } from '../service/observation-service.js';
import type { AssessmentService } from '../service/assessment-service.js';
import type { CampaignService } from '../service/campaign-service.js';
import type { ObservedReader } from '../service/observed-reader.js';
import type { WritePermission } from './write-guard.js';
import type { DraftThreads } from './draft-thread/draft-route.js';

/** What routers need; built once by createApp. */
export interface AppContext {
  atlas: Atlas<Analysis, ProviderSummary>;
  categories: Category[];
  /** Jurisdiction profiles and model parameters. */
  policy: PolicyData;
  /** Full exposure matrices of stored versions, computed once per version and model (shared by API and pages). */
  exposure: ExposureReader;
  /** Providers ranked by threat model, recomputed only after a new version is stored. */
  rankings: RankingCache;
  /** How long a request waits for a ranking being made before it is answered 503 busy. */
  rankWait: RankWait;
  openapi: object;
  /** Guards every write; routers put it before write handlers. */
  guardWrite: RequestHandler;
  /** A write guard with another permission (observations: reviewers; withdrawal: admins). */
  guard: (permits: WritePermission) => RequestHandler;
  /** Evidence from reviewers about providers, and the providers' responses. */
  observations: ObservationService;
  /** Reviewers' assessments of providers (their facts are read with the observations). */
  assessments: AssessmentService;
  /** Campaigns and their scorecards. */
  campaigns: CampaignService;
  /** Exposure "as observed" (observations in place of declared facts), cached per revision. */
  observed: ObservedReader;
  /** Admin-only reads (keys, audit trail). */
  requireAdmin: RequestHandler;
  auth: AuthContext;
  /** Refuses a write beyond the provider's version quota (after the write guard; admins exempt). */
  versionQuota: RequestHandler;
  /** Parses JSON bodies within the configured limit. */
  json: RequestHandler;
  /** Where large drafts (score, validate, dry run) are answered, off the event loop. */
  drafts: DraftThreads;
}
