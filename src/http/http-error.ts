import type { ValidationIssue } from '../formats/validation-error.js';

/** Extra members of a problem document (RFC 9457 allows any). */
export type ProblemExtensions = Record<string, unknown>;

/**
 * The one error type handlers throw. The error handler turns it into an
 * `application/problem+json` response; anything else becomes a logged 500.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: ProblemExtensions = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.name = 'HttpError';
  }
}

export const badRequest = (detail: string, extensions?: ProblemExtensions) => new HttpError(400, 'Bad Request', detail, extensions);
export const notFound = (detail: string) => new HttpError(404, 'Not Found', detail);

/** 422 with every validation issue, each pointing into the submitted document. */
export const invalidDocument = (errors: ValidationIssue[], detail = 'The document does not satisfy the format.') =>
  new HttpError(422, 'Unprocessable Content', detail, { errors });

/** Seconds a client is told to wait (Retry-After) when work is refused because the threads doing it are full. */
export const BUSY_RETRY_AFTER_S = 5;

/** 503 `…/problems/busy` with Retry-After: the threads that do costly work (CSV uploads, large drafts) have no room now. */
export const busy = (detail: string) => new HttpError(503, 'Busy', detail, {}, { 'Retry-After': String(BUSY_RETRY_AFTER_S) });
