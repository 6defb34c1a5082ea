import type { RequestHandler } from 'express';
import type { Caller } from '../auth/api-key.js';
import type { Atlas } from '../service/atlas.js';
import { checkVersionQuota, type VersionQuota } from '../service/version-quota.js';

/**
 * After the write guard, before the body is read: refuses a write that would add a version
 * beyond the provider's quota (429 `quota-exceeded` with Retry-After). Admin keys are exempt;
 * a dry run stores nothing and is never refused. No quota (or both 0): passes everything.
 */
export function versionQuotaGuard(atlas: Atlas<unknown, unknown>, quota: VersionQuota | undefined, clock: () => Date = () => new Date()): RequestHandler {
  const on = quota !== undefined && (quota.perHour > 0 || quota.perDay > 0);
  return async (req, res, next) => {
    const caller = res.locals.writer as Caller | undefined;
    if (!on || caller?.role === 'admin' || req.query.dryRun === 'true') return next();
    const providerId = String(req.params.providerId);
    checkVersionQuota(providerId, await atlas.history(providerId), quota, clock());
    next();
  };
}
