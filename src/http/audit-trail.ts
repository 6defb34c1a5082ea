import type { Request, Response } from 'express';
import type { AuditLog } from '../audit/audit-log.js';
import type { Caller } from '../auth/api-key.js';

/**
 * Records a keyed write once its response has gone out: successes, and refusals of a
 * valid key acting outside its scope (403), which is what misuse of a key looks like.
 * Anonymous and unknown-key attempts are not recorded: anyone could fill the log with them.
 * Handlers may name what they changed in `res.locals.auditResource`.
 */
export function auditWhenDone(req: Request, res: Response, caller: Caller, audit: AuditLog, log: (message: string, error: unknown) => void): void {
  res.once('finish', () => {
    if (res.statusCode >= 400 && res.statusCode !== 403) return;
    const resource = (res.locals.auditResource as string | undefined) ?? (res.getHeader('location') as string | undefined);
    audit
      .append({ keyId: caller.keyId, role: caller.role, method: req.method, path: req.originalUrl, status: res.statusCode, ...(resource ? { resource } : {}) })
      .catch((error) => log('audit append failed', error));
  });
}
