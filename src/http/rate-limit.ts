import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import type { Authenticator } from '../auth/authenticator.js';
import { callerOf } from './authorization.js';
import { HttpError } from './http-error.js';

/**
 * `perMinute` requests per client per minute: a client is its API key when it sends a
 * valid one, otherwise its IP address (IPv6 by /56 network). Admin keys are exempt.
 * Answers carry `RateLimit-Limit/-Remaining/-Reset` (IETF draft 6); a refusal is 429
 * problem+json with `Retry-After`. Counters live in this process unless `store` shares
 * them (PostgreSQL, so replicas behind a load balancer count one budget per client).
 */
export function rateLimitPerClient(perMinute: number, auth: Authenticator, store?: Store): RequestHandler {
  const limiter = rateLimit({
    ...(store ? { store } : {}),
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-6',
    legacyHeaders: false,
    keyGenerator: (req, res) => {
      const keyId = (res.locals.caller as { keyId: string } | undefined)?.keyId;
      return keyId ? `key:${keyId}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    skip: (_req, res) => (res.locals.caller as { role: string } | undefined)?.role === 'admin',
    handler: (_req, _res, next, options) => {
      next(new HttpError(429, 'Too Many Requests', `More than ${options.limit} requests in a minute from this client; retry after the time in Retry-After.`));
    },
  });
  return async (req, res, next) => {
    res.locals.caller = await callerOf(req, res, auth);
    return limiter(req, res, next);
  };
}
