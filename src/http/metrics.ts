import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { cacheSizes } from '../service/byte-bounded-cache.js';
import { VersionConflictError, type Store } from '../store/store.js';

/** The Prometheus metrics of one app: its own registry, so tests and replicas never share counters. */
export interface Metrics {
  registry: Registry;
  /** Counts and times every answered request by route template and status. */
  middleware: RequestHandler;
  /** Wraps a store so every append is timed. */
  timeAppends(store: Store): Store;
  /** Counts one read that found a damaged stored version (`damaged_versions_total`). */
  countDamaged(): void;
  /** Publishes the state of a PostgreSQL replica: its change feed and its connection pool. */
  observeDatabase(database: DatabaseState): void;
}

/** What a replica on PostgreSQL reports about its connections. */
export interface DatabaseState {
  /** Connection attempts of the change feed since start (one loop with backoff while the database is away). */
  feedAttempts(): number;
  feedListening(): boolean;
  /** Connections the pool holds now (idle and in use) and requests waiting for one. */
  poolTotal(): number;
  poolWaiting(): number;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  // The process's own health: resident memory, heap, event-loop lag, GC pauses, open handles.
  collectDefaultMetrics({ register: registry });
  const damaged = new Counter({
    name: 'damaged_versions_total',
    help: 'Reads that found a stored version whose bytes no longer match its recorded hash (never served)',
    registers: [registry],
  });
  const requests = new Counter({ name: 'http_requests_total', help: 'Answered HTTP requests', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request to the end of the answer',
    labelNames: ['method', 'route'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const appends = new Histogram({
    name: 'store_append_duration_seconds',
    help: 'Time to make one version durable in the store',
    labelNames: ['outcome'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  new Gauge({
    name: 'cache_bytes',
    help: 'Estimated bytes held by each in-memory cache (each is bounded by bytes)',
    labelNames: ['cache'],
    registers: [registry],
    collect() {
      this.reset();
      for (const { name, bytes } of cacheSizes()) this.set({ cache: name }, bytes);
    },
  });
  new Gauge({
    name: 'cache_entries',
    help: 'Entries held by each in-memory cache',
    labelNames: ['cache'],
    registers: [registry],
    collect() {
      this.reset();
      for (const { name, entries } of cacheSizes()) this.set({ cache: name }, entries);
    },
  });

  // prom-client hashes a labels object on every inc/observe; the children of the few label
  // sets a service sees are looked up once and kept (routes are templates: the set stays small).
  const children = new Map<string, { count: () => void; time: (seconds: number) => void }>();
  const childFor = (method: string, route: string, status: string) => {
    const key = `${method} ${route} ${status}`;
    let child = children.get(key);
    if (child === undefined) {
      const counter = requests.labels(method, route, status);
      const timer = latency.labels(method, route);
      child = { count: () => counter.inc(), time: (seconds) => timer.observe(seconds) };
      children.set(key, child);
    }
    return child;
  };

  const middleware: RequestHandler = (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      // The route template (`/v1/providers/:providerId`), never the raw path: labels stay few.
      // After an error, express has already left the router, so `baseUrl` is empty again; the
      // only prefixed mount is /v1.
      const path = req.route?.path !== undefined ? String(req.route.path) : undefined;
      const mount = req.baseUrl || (path && !path.startsWith('/v1') && /^\/v1(\/|$)/.test(req.originalUrl) ? '/v1' : '');
      const route = path !== undefined ? `${mount}${path}` : 'unmatched';
      const child = childFor(req.method, route, String(res.statusCode));
      child.count();
      child.time(Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };

  const timeAppends = (store: Store): Store => ({
    providerIds: () => store.providerIds(),
    history: (providerId) => store.history(providerId),
    version: (providerId, version) => store.version(providerId, version),
    ...(store.versionsOf ? { versionsOf: (wanted: { providerId: string; version: number }[]) => store.versionsOf!(wanted) } : {}),
    ...(store.latestVersions ? { latestVersions: () => store.latestVersions!() } : {}),
    ...(store.newestVersions ? { newestVersions: (limit: number) => store.newestVersions!(limit) } : {}),
    close: () => store.close(),
    async append(providerId, input) {
      const end = appends.startTimer();
      try {
        const record = await store.append(providerId, input);
        end({ outcome: 'stored' });
        return record;
      } catch (error) {
        end({ outcome: error instanceof VersionConflictError ? 'conflict' : 'failed' });
        throw error;
      }
    },
  });

  const observeDatabase = (database: DatabaseState) => {
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read());
        },
      });
    gauge('change_feed_connect_attempts', 'Connection attempts of the change feed since start (counted, never reset)', database.feedAttempts);
    gauge('change_feed_listening', '1 while the change feed listens, 0 while it reconnects', () => (database.feedListening() ? 1 : 0));
    gauge('db_pool_connections', 'Connections the PostgreSQL pool holds (bounded by PG_POOL_MAX)', database.poolTotal);
    gauge('db_pool_waiting', 'Requests waiting for a pooled connection', database.poolWaiting);
  };

  return { registry, middleware, timeAppends, countDamaged: () => damaged.inc(), observeDatabase };
}
