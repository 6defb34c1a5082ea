import type { Request, RequestHandler, Response } from 'express';
import type { Caller } from '../auth/api-key.js';
import { bearerToken, type Authenticator } from '../auth/authenticator.js';
import { HttpError } from './http-error.js';

const CHALLENGE = 'Bearer realm="retention-atlas"';

/** The caller of this request, authenticated once and remembered; undefined when anonymous or unknown. */
export async function callerOf(req: Request, res: Response, auth: Authenticator): Promise<Caller | undefined> {
  if (!('authResult' in res.locals)) res.locals.authResult = await auth.authenticate(bearerToken(req.get('authorization')));
  const result = res.locals.authResult as Awaited<ReturnType<Authenticator['authenticate']>>;
  return typeof result === 'object' ? result : undefined;
}

/** The caller, or 401 with a Bearer challenge when the request carries no valid key. */
export async function requireCaller(req: Request, res: Response, auth: Authenticator): Promise<Caller> {
  const caller = await callerOf(req, res, auth);
  if (caller) return caller;
  if (res.locals.authResult === 'missing') {
    throw new HttpError(401, 'Unauthorized', 'This operation needs an API key: send "Authorization: Bearer <token>".', {}, { 'WWW-Authenticate': CHALLENGE });
  }
  throw new HttpError(401, 'Unauthorized', 'The API key is unknown or has been revoked.', {}, { 'WWW-Authenticate': `${CHALLENGE}, error="invalid_token"` });
}

export const forbidden = (detail: string) => new HttpError(403, 'Forbidden', detail);

/** Admin-only operations that are not writes (listing keys, reading the audit trail). */
export function requireAdmin(auth: Authenticator): RequestHandler {
  return async (req, res, next) => {
    const caller = await requireCaller(req, res, auth);
    if (caller.role !== 'admin') throw forbidden('Only an admin key may do this.');
    next();
  };
}
