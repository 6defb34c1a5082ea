import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, Response } from 'express';
import { UnknownProviderError } from '../service/import-requests.js';
import { QuotaExceededError } from '../service/version-quota.js';
import { RankingBusyError } from '../service/ranking-busy.js';
import { DamagedVersionError } from '../store/damaged-version.js';
import { isConnectionError } from '../store/postgres-pool.js';
import { StoreWriteError, VersionConflictError } from '../store/store.js';
import { InvalidDocumentError } from '../formats/validation-error.js';
import { HttpError, invalidDocument } from './http-error.js';

const PROBLEM_TYPE_BASE = 'https://retention-atlas.example/problems/';
/** A database restart takes seconds; replicas reconnect on their own (backoff up to 10 s). */
const DATABASE_RETRY_AFTER_S = 5;

export function sendProblem(res: Response, error: HttpError, instance?: string): void {
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  const slug = error.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  res
    .status(error.status)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        type: PROBLEM_TYPE_BASE + slug,
        title: error.title,
        status: error.status,
        ...(error.detail ? { detail: error.detail } : {}),
        ...(instance ? { instance } : {}),
        // The id of this request in the server's log, so a reported problem can be found there.
        ...(res.locals.requestId ? { requestId: res.locals.requestId } : {}),
        ...error.extensions,
      }),
    );
}

/** Errors raised by express's body parser carry a `type` and a status; map them to problems. */
function fromBodyParser(error: { type?: string; status?: number; message?: string; limit?: number }): HttpError | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'Malformed JSON', `The request body is not valid JSON: ${error.message}`);
    case 'entity.too.large':
      return new HttpError(413, 'Content Too Large', `The request body exceeds the limit of ${error.limit} bytes.`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'Unsupported Media Type', error.message);
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return new HttpError(400, 'Bad Request', error.message);
    default:
      return undefined;
  }
}

/**
 * Other 4xx errors raised by express and its parsers (a path parameter with broken
 * percent-encoding, a gzip body that does not inflate) follow the http-errors convention:
 * a numeric `status`, and `expose` when the message is safe to show.
 */
function fromClientError(error: { status?: unknown; expose?: boolean; message?: string }): HttpError | undefined {
  const status = error.status;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  return new HttpError(status, STATUS_CODES[status] ?? 'Bad Request', error.expose && error.message ? error.message : undefined);
}

/** The single error handler: known errors become problem+json, anything else a logged 500. */
export function errorHandler(log: (message: string, error: unknown) => void = console.error): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (res.headersSent) return;
    let problem: HttpError | undefined;
    if (error instanceof HttpError) problem = error;
    else if (error instanceof InvalidDocumentError) problem = invalidDocument(error.errors, error.detail);
    else if (error instanceof UnknownProviderError) problem = new HttpError(404, 'Not Found', error.message);
    else if (error instanceof VersionConflictError) {
      problem = new HttpError(409, 'Conflict', `Other writes to "${error.providerId}" kept landing first (it is now at version ${error.actual}); nothing was stored. Send the request again.`, {
        providerId: error.providerId,
        latestVersion: error.actual,
      });
    } else if (error instanceof QuotaExceededError) {
      problem = new HttpError(
        429,
        'Quota Exceeded',
        `Provider "${error.providerId}" has added ${error.limit} versions in the last ${error.window}, its quota; nothing was stored. Retry after the time in Retry-After.`,
        { providerId: error.providerId, window: error.window, limit: error.limit },
        { 'Retry-After': String(error.retryAfterSeconds) },
      );
    } else if (error instanceof RankingBusyError) {
      problem = new HttpError(503, 'Busy', error.detail, {}, { 'Retry-After': String(error.retryAfterSeconds) });
    } else if (error instanceof DamagedVersionError) {
      // Logged and counted where it was found (the store's reads); never served.
      problem = new HttpError(500, 'Damaged Version', `Version ${error.version} of "${error.providerId}" is stored damaged (${error.reason}) and cannot be served until it is restored.`, {
        providerId: error.providerId,
        version: error.version,
      });
    } else if (isConnectionError(error)) {
      log(`database unreachable on ${req.method} ${req.originalUrl}`, error);
      problem = new HttpError(
        503,
        'Database Unavailable',
        'The database cannot be reached right now; nothing was stored. Send the request again after the time in Retry-After.',
        {},
        { 'Retry-After': String(DATABASE_RETRY_AFTER_S) },
      );
    } else if (error instanceof StoreWriteError) {
      log('write failed', error);
      problem = new HttpError(503, 'Service Unavailable', 'The write could not be stored durably; nothing was saved. Reads still work.', {}, { 'Retry-After': '30' });
    } else problem = fromBodyParser(error) ?? fromClientError(error);
    if (!problem) {
      log(`unhandled error on ${req.method} ${req.originalUrl}`, error);
      problem = new HttpError(500, 'Internal Server Error', 'An unexpected error occurred.');
    }
    sendProblem(res, problem, req.originalUrl);
  };
}
