import type { Response } from 'express';
import type { Html } from '../report/html.js';

/**
 * Report pages run no script at all, so they get a policy stricter than the site-wide one
 * (which must let Swagger UI at /docs run its own files): nothing loads but this origin's
 * stylesheet and images, no script, no plugin, no framing, forms only to this origin.
 */
export const REPORT_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const sendHtml = (res: Response, page: Html) => res.set('Content-Security-Policy', REPORT_PAGE_CSP).type('text/html; charset=utf-8').send(page.text);
