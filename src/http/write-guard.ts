import type { RequestHandler } from 'express';

/**
 * Every write passes through here before its handler runs: the one place where the
 * decision "may this caller write for this provider?" is made. For now writes are open.
 */
export function writeGuard(): RequestHandler {
  return (_req, _res, next) => next();
}
