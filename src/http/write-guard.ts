import type { Request, RequestHandler } from 'express';
import type { AuditLog } from '../audit/audit-log.js';
import { mayWriteFor, type Caller } from '../auth/api-key.js';
import type { Authenticator } from '../auth/authenticator.js';
import { auditWhenDone } from './audit-trail.js';
import { forbidden, requireCaller } from './authorization.js';

/** Why this caller may not make this write, or undefined when it may. */
export type WritePermission = (caller: Caller, req: Request) => string | undefined;

/**
 * A provider's own documents (declarations, transparency figures): a route with a
 * `:providerId` is open to admins and to that provider's own keys; any other write (key
 * management) to admins only. Reviewers write observations, never these.
 */
export const providerWrite: WritePermission = (caller, req) => {
  const providerId = req.params.providerId as string | undefined;
  if (providerId === undefined) return caller.role === 'admin' ? undefined : 'Only an admin key may do this.';
  if (mayWriteFor(caller, providerId)) return undefined;
  if (caller.role === 'reviewer') return `A reviewer key records observations; it may not write provider "${providerId}"'s own documents.`;
  return `This key may write only for provider "${caller.providerId}", not "${providerId}".`;
};

/**
 * Every write passes through a guard before its handler runs: the one place where the
 * decision "may this caller make this write?" is made (`permits`, by default a provider's
 * own documents). The key id is left in `res.locals.keyId` and the caller in
 * `res.locals.writer` for the handler to record, and the outcome goes to the audit trail.
 */
export function writeGuard(auth: Authenticator, audit: AuditLog, log: (message: string, error: unknown) => void, permits: WritePermission = providerWrite): RequestHandler {
  return async (req, res, next) => {
    const caller = await requireCaller(req, res, auth);
    auditWhenDone(req, res, caller, audit, log);
    const refusal = permits(caller, req);
    if (refusal !== undefined) throw forbidden(refusal);
    res.locals.keyId = caller.keyId;
    res.locals.writer = caller;
    next();
  };
}
