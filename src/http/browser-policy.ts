import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers on every answer. Helmet's default Content-Security-Policy lets
 * Swagger UI load (its scripts are files served from /docs); `upgrade-insecure-requests`
 * is dropped because an instance is often reached over plain HTTP on a private network,
 * where upgrading would break /docs. Put TLS in front for anything public.
 *
 * Helmet decides the headers (their names and values are the same for every answer: no
 * nonces); it runs once, on a stand-in response, and every answer gets the headers it set.
 */
export function securityHeaders(): RequestHandler {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const standIn = {
    setHeader: (name: string, value: string) => void set.push([name, String(value)]),
    removeHeader: (name: string) => void removed.push(name),
  };
  let finished = false;
  helmet({ contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null } } })({ headers: {} } as never, standIn as never, () => {
    finished = true;
  });
  if (!finished || set.length === 0) throw new Error('helmet did not set its headers synchronously on the stand-in response');
  return (_req, res, next) => {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}

/**
 * CORS for browser clients of the listed origins (`*` for any). Credentials are bearer
 * tokens, never cookies, so no origin gains ambient authority. Empty list: no CORS headers.
 */
export function corsFor(origins: string[]): RequestHandler | undefined {
  if (origins.length === 0) return undefined;
  return cors({
    origin: origins.includes('*') ? '*' : origins,
    methods: ['GET', 'HEAD', 'POST', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    exposedHeaders: ['Location', 'ETag', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'WWW-Authenticate'],
    maxAge: 600,
  });
}
