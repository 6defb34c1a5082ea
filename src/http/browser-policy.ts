import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers on every answer. Helmet's default Content-Security-Policy lets
 * Swagger UI load (its scripts are files served from /docs); `upgrade-insecure-requests`
 * is dropped because an instance is often reached over plain HTTP on a private network,
 * where upgrading would break /docs. Put TLS in front for anything public.
 */
export function securityHeaders(): RequestHandler {
  return helmet({ contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null } } });
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
