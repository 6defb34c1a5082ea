import type { RequestHandler } from 'express';
import type { AuditLog } from '../audit/audit-log.js';
import { mayWriteFor } from '../auth/api-key.js';
import type { Authenticator } from '../auth/authenticator.js';
import { auditWhenDone } from './audit-trail.js';
import { forbidden, requireCaller } from './authorization.js';

/**
 * Every write passes through here before its handler runs: the one place where the
 * decision "may this caller write for this provider?" is made. A route with a
 * `:providerId` is open to admins and to that provider's own keys; any other write
 * (key management) to admins only. The key id is left in `res.locals.keyId` for the
 * handler to record, and the outcome goes to the audit trail.
 */
export function writeGuard(auth: Authenticator, audit: AuditLog, log: (message: string, error: unknown) => void): RequestHandler {
  return async (req, res, next) => {
    const caller = await requireCaller(req, res, auth);
    auditWhenDone(req, res, caller, audit, log);
    const providerId = req.params.providerId as string | undefined;
    if (providerId === undefined && caller.role !== 'admin') throw forbidden('Only an admin key may do this.');
    if (providerId !== undefined && !mayWriteFor(caller, providerId)) {
      throw forbidden(`This key may write only for provider "${caller.providerId}", not "${providerId}".`);
    }
    res.locals.keyId = caller.keyId;
    next();
  };
}
