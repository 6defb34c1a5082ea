import type { Express } from 'express';
import { loadSchemaRegistry, type SchemaRegistry } from './formats/schema-registry.js';
import { createApp, type AppOptions } from './http/app.js';
import { loadOpenApiDocument } from './http/openapi-document.js';
import { loadCategories } from './policies/categories.js';
import { analysisIsCurrent, makeAnalyzer, type Analysis, type PolicyData } from './service/analysis.js';
import { providerSummaryCodec, summarizeProvider, type ProviderSummary } from './service/provider-entry.js';
import { loadJurisdictions } from './policies/load-jurisdictions.js';
import { loadModelParameters } from './policies/load-model-parameters.js';
import { Atlas, type Analyzer, type StartJob } from './service/atlas.js';
import { lawEpoch, lawKeysMemo } from './law/law-epoch.js';
import { todayUtc } from './law/in-force.js';
import { nextTurn, warmUpInTurns } from './service/warm-up.js';
import { analysisKey, FileAnalysisCache, type AnalysisCache } from './service/analysis-cache.js';
import type { Store } from './store/store.js';
import { createMetrics } from './http/metrics.js';
import { createLogger } from './http/logger.js';
import { verifiedReads, type DamagedVersionError } from './store/damaged-version.js';
import { packageVersion } from './package-version.js';
import { MemoryObservationStore, MemoryRecordStore, type ObservationStore } from './observations/observation-store.js';
import type { AssessmentRecord, AssessmentStore } from './assessments/assessment-record.js';
import { MemoryCampaignStore, type CampaignStore } from './campaigns/campaign-store.js';
import { AssessmentService } from './service/assessment-service.js';
import { CampaignService } from './service/campaign-service.js';
import { ExposureReader } from './service/exposure-reader.js';
import { ObservationService } from './service/observation-service.js';
import { compilePieces } from './formats/bounded-schema-check.js';
import { AnalysisPool } from './service/analysis-pool.js';
import { analysisCodec } from './service/analysis-codec.js';
import { warmUpTilt } from './tilt/warm-up-tilt.js';
import { importTables, tiltKeywords } from './policies/load-import-tables.js';
import { readSampleDeclarations } from './policies/load-sample-declarations.js';

export interface Service {
  app: Express;
  atlas: Atlas<Analysis, ProviderSummary>;
  registry: SchemaRegistry;
  policy: PolicyData;
  observations: ObservationService;
  assessments: AssessmentService;
  campaigns: CampaignService;
}

/** Everything but listening: schemas, policies, the read model over the store, the app. */
export interface ServiceOptions extends Partial<AppOptions> {
  /** Where observations live (DATA_DIR/observations); in memory when absent. */
  observationStore?: ObservationStore;
  /** Where assessments live (DATA_DIR/assessments); in memory when absent. */
  assessmentStore?: AssessmentStore;
  /** Where campaigns live (DATA_DIR/campaigns.json); in memory when absent. */
  campaignStore?: CampaignStore;
  /** Where analyses are remembered between runs (DATA_DIR/analyses); none in tests. */
  analysisCacheDir?: string;
  /** Where analyses are remembered instead (the database), given the key they are valid under. */
  analysisCache?: (key: string, analysesKey?: string) => AnalysisCache<Analysis>;
  /** Analyse the shipped sample declarations a few times once built, a turn of the event loop between analyses (the server does; tests need not). */
  warmUp?: boolean;
  /**
   * Threads that analyse the providers a starting read model must analyse (ANALYSIS_WORKERS;
   * the server passes the available cores by default). 0 or absent: the main thread analyses them.
   */
  analysisWorkers?: number;
}

export interface ReadModelOptions {
  analysisCacheDir?: string;
  analysisCache?: (key: string, analysesKey?: string) => AnalysisCache<Analysis>;
  analysisWorkers?: number;
  /** Told of each damaged version the start leaves out. */
  onDamaged?: (error: DamagedVersionError) => void;
}

/**
 * The read model over the store under `policy`: every provider's latest version from its
 * remembered summary, else its remembered analysis (updated column by column where the law
 * changed), else a new analysis (on analysis threads when `analysisWorkers` > 0).
 */
export async function openReadModel(store: Store, registry: SchemaRegistry, policy: PolicyData, analyze: Analyzer<Analysis>, options: ReadModelOptions = {}): Promise<Atlas<Analysis, ProviderSummary>> {
  // Summaries hold under this very law (the whole policy data and which facts are in force today);
  // analyses under the model and release only, each carrying the law of each of its columns.
  const summaryKey = analysisKey(policy, packageVersion(), lawEpoch(policy.jurisdictions, todayUtc()));
  const analysesKey = analysisKey({ params: policy.params }, packageVersion());
  const files = !options.analysisCache && options.analysisCacheDir ? { dir: options.analysisCacheDir, key: summaryKey, analysesKey, law: JSON.stringify(lawKeysMemo(policy.jurisdictions)(todayUtc())) } : undefined;
  const cache = options.analysisCache ? options.analysisCache(summaryKey, analysesKey) : files ? new FileAnalysisCache<Analysis>(files.dir, files.key, files.analysesKey, files.law, analysisCodec(policy)) : undefined;
  // Started only when a start has enough providers to analyse, and ended once the read model is built.
  let pool: AnalysisPool | undefined;
  const workers = options.analysisWorkers ?? 0;
  const startAnalyzer = workers > 0 ? (job: StartJob) => (pool ??= new AnalysisPool(workers, policy, files)).analyze(job) : undefined;
  try {
    const reads = options.onDamaged ? verifiedReads(store, options.onDamaged) : store;
    return await Atlas.open(reads, registry, analyze, cache, summarizeProvider, providerSummaryCodec, { startAnalyzer, threadsRemember: files !== undefined, isCurrent: analysisIsCurrent(policy) });
  } finally {
    await (pool as AnalysisPool | undefined)?.close();
  }
}

export async function buildService(store: Store, options: ServiceOptions = {}): Promise<Service> {
  const registry = loadSchemaRegistry();
  const categories = loadCategories(registry);
  const policy: PolicyData = { jurisdictions: loadJurisdictions(registry), params: loadModelParameters(registry) };
  const metrics = options.metrics ?? createMetrics();
  const analyze = makeAnalyzer(policy);
  const logger = options.logger ?? createLogger();
  if (options.warmUp) {
    // Once the service is built and serving: a turn of the event loop between analyses.
    warmUpInTurns(analyze, () => readSampleDeclarations(registry))
      .then(async () => {
        // The validators an invalid draft is checked with, piece by piece: compiled before the first one arrives.
        for (const name of ['declaration', 'government-requests']) {
          await nextTurn();
          compilePieces({ fragment: (ref) => registry.fragment(ref.schema, ref.pointer) }, registry.places(name));
        }
        await nextTurn();
        warmUpTilt({ keywords: tiltKeywords(), tables: importTables() });
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'warm-up failed (only the first requests are slower)'));
  }
  // Every body read is checked against its hash; a damaged version is logged, counted and never served.
  const onDamaged = (error: DamagedVersionError) => {
    metrics.countDamaged();
    logger.error({ providerId: error.providerId, version: error.version, reason: error.reason }, 'damaged stored version refused');
  };
  const atlas = await openReadModel(metrics.timeAppends(store), registry, policy, analyze, { ...options, onDamaged });
  const openapi = options.openapi ?? (await loadOpenApiDocument());
  const observations = await ObservationService.open(options.observationStore ?? new MemoryObservationStore(), registry, atlas, categories.map((c) => c.id), options.auth?.clock);
  const assessments = await AssessmentService.open(options.assessmentStore ?? new MemoryRecordStore<AssessmentRecord>(), registry, atlas, options.auth?.clock);
  observations.attach(assessments);
  const exposure = new ExposureReader(atlas, policy);
  const known = (id: string) => atlas.latestOf(id) !== undefined || observations.hasEvidence(id);
  const campaigns = new CampaignService(options.campaignStore ?? new MemoryCampaignStore(), registry, atlas, exposure, known, categories.map((c) => c.id), options.auth?.clock);
  const app = createApp({ ...options, logger, metrics, atlas, categories, openapi, policy, observations, assessments, campaigns, exposure });
  return { app, atlas, registry, policy, observations, assessments, campaigns };
}
