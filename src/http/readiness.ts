import type { RequestHandler } from 'express';

/** A dependency the service needs to answer: resolves when usable, throws (with a reason) when not. */
export type ReadinessCheck = () => Promise<void>;

const TIMEOUT_MS = 2000;

/** A reason a check may publish as it is (written here, never a driver's message, which names hosts and ports). */
export class NotReady extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotReady';
  }
}

function withTimeout(check: ReadinessCheck): Promise<void> {
  return Promise.race([check(), new Promise<void>((_, reject) => setTimeout(() => reject(new NotReady(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref())]);
}

/**
 * GET /readyz: 200 when every check passes, 503 naming the failing ones otherwise (with a
 * reason written here, never an error's own text), so a
 * load balancer stops sending traffic to a replica that lost its database. Checks run on
 * each probe (one `SELECT 1` for PostgreSQL): cheap, and never a stale answer.
 */
export function readiness(checks: Record<string, ReadinessCheck>, log: (message: string, error: unknown) => void = () => undefined): RequestHandler {
  return async (_req, res) => {
    const results = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await withTimeout(check);
          return [name, 'ok'] as const;
        } catch (error) {
          // The probe is public: a driver's message (host, port, user) goes to the log only.
          if (error instanceof NotReady) return [name, error.message] as const;
          log(`readiness check ${name} failed`, error);
          return [name, 'unreachable'] as const;
        }
      }),
    );
    const ready = results.every(([, result]) => result === 'ok');
    res.status(ready ? 200 : 503).set('Cache-Control', 'no-store').json({ status: ready ? 'ready' : 'unavailable', checks: Object.fromEntries(results) });
  };
}
