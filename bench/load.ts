import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  total: number;
}

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  body?: string;
  /**
   * Bodies sent in turn, one per request, instead of one repeated `body`: a list (each run
   * starts again at its first body), or a function giving the next body (a generator shared by
   * several runs goes on where the last run stopped, so no run repeats a body another sent).
   */
  bodies?: string[] | (() => string);
  /** Paths requested in turn, one per request (on the host of `url`). */
  paths?: string[];
  headers?: Record<string, string>;
  connections?: number;
  seconds: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A setupRequest that gives each request the next body of the list. */
function rotate(bodies: string[] | (() => string)) {
  if (typeof bodies === 'function') return (request: Record<string, unknown>) => ({ ...request, body: bodies() });
  let next = 0;
  return (request: Record<string, unknown>) => ({ ...request, body: bodies[next++ % bodies.length] });
}

/** A setupRequest that gives each request the next path of the list. */
function rotatePath(paths: string[]) {
  let next = 0;
  return (request: Record<string, unknown>) => ({ ...request, path: paths[next++ % paths.length] });
}

/** One autocannon run; per-request times are collected here because autocannon reports no p95. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        method: options.method ?? 'GET',
        body: options.body,
        headers: { ...(options.body || options.bodies ? { 'content-type': 'application/json' } : {}), ...options.headers },
        ...(options.bodies ? { requests: [{ setupRequest: rotate(options.bodies) }] as unknown as autocannon.Request[] } : {}),
        ...(options.paths ? { requests: [{ setupRequest: rotatePath(options.paths) }] as unknown as autocannon.Request[] } : {}),
        connections: options.connections ?? 10,
        duration: options.seconds,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    requestsPerSec: result.requests.average,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
  };
}

/** Sequential requests (one at a time) to measure latency rather than throughput. */
export async function sequentialLatencies(count: number, request: (i: number) => Promise<Response>): Promise<{ times: number[]; failures: string[] }> {
  const times: number[] = [];
  const failures: string[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    try {
      const response = await request(i);
      const text = await response.text();
      times.push(performance.now() - started);
      if (!response.ok && failures.length < 3) failures.push(`${response.status}: ${text.slice(0, 200)}`);
    } catch (error) {
      failures.push(`request failed: ${(error as Error).message}`);
      break;
    }
  }
  return { times: times.sort((a, b) => a - b), failures };
}

export const pct = percentile;
