import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { JsonlAuditLog } from './audit/jsonl-audit-log.js';
import { LowdbKeyStore } from './auth/lowdb-key-store.js';
import { buildService } from './bootstrap.js';
import { gracefulClose } from './http/graceful-close.js';
import { readConfig, type Config } from './config.js';
import type { Analysis } from './service/analysis.js';
import type { ProviderSummary } from './service/provider-entry.js';
import type { Atlas } from './service/atlas.js';
import type { ObservationService } from './service/observation-service.js';
import { loadSampleDeclarations } from './service/sample-data.js';
import { loadSampleObservations } from './service/sample-observations.js';
import { LowdbAssessmentStore, LowdbObservationStore } from './store/lowdb-observation-store.js';
import { LowdbCampaignStore } from './store/lowdb-campaign-store.js';
import type { AssessmentService } from './service/assessment-service.js';
import { loadSampleCampaign } from './service/sample-campaign.js';
import { LowdbStore } from './store/lowdb-store.js';
import { lockDataDir } from './store/data-dir-lock.js';
import { StoreOpenError } from './store/store.js';
import { openPostgresBackend, redactedUrl } from './backends/postgres-backend.js';
import { followChanges } from './store/postgres-replica-sync.js';
import { createMetrics } from './http/metrics.js';
import { DraftPool } from './http/draft-thread/draft-pool.js';

/** How long SIGTERM waits for in-flight requests before closing connections anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/** The stores of this process: PostgreSQL when DATABASE_URL is set (replicas share it), else files in DATA_DIR. */
async function openBackend(config: Config) {
  if (config.databaseUrl) {
    const db = await openPostgresBackend(config.databaseUrl, { poolMax: config.pgPoolMax, migrationUrl: config.databaseMigrationUrl });
    if (db.migrationsApplied.length > 0) console.log(`database migrations applied: ${db.migrationsApplied.join(', ')}`);
    const metrics = createMetrics();
    metrics.observeDatabase({
      feedAttempts: () => db.feed.attempts,
      feedListening: () => db.feed.listening,
      poolTotal: () => db.pool.totalCount,
      poolWaiting: () => db.pool.waitingCount,
    });
    return {
      ...db,
      where: `database ${redactedUrl(config.databaseUrl)}`,
      service: {
        analysisCache: (key: string, analysesKey?: string) => db.analysisCache<Analysis>(key, analysesKey),
        rateLimitStore: db.rateLimits,
        readinessChecks: { database: db.check },
        metrics,
        observationStore: db.observations,
        assessmentStore: db.assessments,
        campaignStore: db.campaigns,
      },
      follow: (atlas: Atlas<Analysis, ProviderSummary>, observations: ObservationService, assessments: AssessmentService) => {
        followChanges(db.feed, atlas);
        followChanges(db.feed, observations, console.error, 'observation');
        followChanges(db.feed, assessments, console.error, 'assessment');
      },
      // Replicas starting at once on an empty database take turns, each first reading what the one before it loaded.
      setup: <T>(atlas: Atlas<Analysis, ProviderSummary>, observations: ObservationService, work: () => Promise<T>) =>
        db.exclusive(async () => {
          await atlas.refreshAll();
          await observations.refreshAll();
          return work();
        }),
      release: () => undefined,
    };
  }
  const lock = await lockDataDir(config.dataDir);
  process.once('exit', () => lock.release());
  const store = await LowdbStore.open(config.dataDir);
  const keys = await LowdbKeyStore.open(config.dataDir);
  const audit = await JsonlAuditLog.open(config.dataDir);
  const observationStore = await LowdbObservationStore.open(config.dataDir);
  const assessmentStore = await LowdbAssessmentStore.open(config.dataDir);
  const campaignStore = await LowdbCampaignStore.open(config.dataDir);
  return {
    store,
    keys,
    audit,
    where: `data in ${config.dataDir}`,
    service: { analysisCacheDir: path.join(config.dataDir, 'analyses'), observationStore, assessmentStore, campaignStore },
    follow: (_atlas: Atlas<Analysis, ProviderSummary>, _observations: ObservationService, _assessments: AssessmentService) => undefined,
    setup: <T>(_atlas: Atlas<Analysis, ProviderSummary>, _observations: ObservationService, work: () => Promise<T>) => work(),
    async close() {
      await store.close();
      await keys.close();
      await audit.close();
      await observationStore.close();
      await assessmentStore.close();
      await campaignStore.close();
    },
    release: () => lock.release(),
  };
}

async function main(): Promise<void> {
  const config = readConfig();
  const backend = await openBackend(config);
  const { store, keys, audit } = backend;
  if (config.adminApiKey !== undefined && config.adminApiKey.length < 32) {
    console.warn('ADMIN_API_KEY is shorter than 32 characters: use a long random value (e.g. `openssl rand -base64 32`)');
  }
  const { app, atlas, observations, assessments, campaigns } = await buildService(store, {
    ...backend.service,
    bodyLimit: config.bodyLimit,
    auth: { keys, audit, adminToken: config.adminApiKey },
    rateLimitPerMinute: config.rateLimitPerMinute,
    versionQuota: { perHour: config.versionQuotaPerHour, perDay: config.versionQuotaPerDay },
    corsOrigins: config.corsOrigins,
    trustProxy: config.trustProxy,
    warmUp: true,
    analysisWorkers: config.analysisWorkers,
    draftPool: new DraftPool({ workers: config.draftWorkers }),
  });
  backend.follow(atlas, observations, assessments);
  if (config.loadSamples) {
    await backend.setup(atlas, observations, async () => {
      const loaded = await loadSampleDeclarations(atlas);
      if (loaded.length > 0) console.log(`loaded ${loaded.length} sample declarations: ${loaded.join(', ')}`);
      // Only beside freshly loaded sample declarations: never into a store that holds real data.
      const observed = loaded.length > 0 ? await loadSampleObservations(observations) : 0;
      if (observed > 0) console.log(`loaded ${observed} illustrative sample observations`);
      // Likewise only into an empty store: the sample campaign names the sample providers.
      if (loaded.length > 0 && (await loadSampleCampaign(campaigns, loaded))) console.log('loaded the illustrative sample campaign');
    });
  }
  const server = app.listen(config.port, config.host, () => {
    const { address, port } = server.address() as AddressInfo;
    const host = address.includes(':') ? `[${address}]` : address;
    console.log(`retention-atlas listening on http://${host}:${port} (${backend.where})`);
  });

  const close = gracefulClose(server, SHUTDOWN_GRACE_MS);
  const shutdown = async (signal: string) => {
    console.log(`${signal}: no new connections; finishing in-flight requests`);
    await close();
    await backend.close();
    backend.release();
    console.log(`${signal}: every acknowledged write is on disk; exiting`);
    process.exit(0);
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  if (error instanceof StoreOpenError) console.error(`cannot start: ${error.message}`);
  else console.error('cannot start:', error);
  process.exit(1);
});
