import express, { type RequestHandler } from 'express';
import { JsonInputError, parseJsonDocument } from '../formats/json-document.js';
import { HttpError } from './http-error.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** The request body exactly as received (UTF-8), for storing submissions byte for byte. */
    rawBody?: string;
  }
}

export const JSON_TYPES = ['application/json', 'application/*+json'];

/** The HTTP face of a refused body: 400 when it is not JSON we can keep, 422 when it is unsafe. */
export function jsonInputProblem(error: JsonInputError): HttpError {
  const errors =
    error.pointer !== undefined
      ? { errors: [{ pointer: error.pointer, message: error.message, keyword: error.keyword }] }
      : error.position
        ? { errors: [{ pointer: '', message: error.message, keyword: error.keyword, ...error.position }] }
        : {};
  if (error.kind === 'refused') return new HttpError(422, 'Unprocessable Content', `The document was refused: ${error.message}.`, errors);
  const detail = error.pointer !== undefined ? `The request body is not acceptable JSON: ${error.message} (at "${error.pointer}").` : error.message;
  return new HttpError(400, 'Malformed JSON', detail, errors);
}

/**
 * Reads JSON bodies (objects and arrays only) within `limit` and keeps the raw text
 * beside the parsed value. Malformed or unsafe JSON never reaches a handler. Only UTF-8
 * is accepted, so what is stored is exactly the bytes that were sent.
 */
export function jsonBody(limit: string | number, maxDepth?: number): RequestHandler {
  const read = express.raw({ limit, type: JSON_TYPES });
  return (req, res, next) => {
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.get('content-type') ?? '')?.[1];
    if (charset && !/^utf-?8$/i.test(charset)) {
      return next(new HttpError(415, 'Unsupported Media Type', `Send JSON as UTF-8, not ${charset}.`, { accepted: JSON_TYPES }));
    }
    read(req, res, (error?: unknown) => {
      if (error) return next(error);
      try {
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const { value, text } = parseJsonDocument(bytes, maxDepth);
        req.body = value;
        req.rawBody = text;
        next();
      } catch (failure) {
        next(failure instanceof JsonInputError ? jsonInputProblem(failure) : failure);
      }
    });
  };
}

/** Whether the request carries a body at all (RFC 9112 §6.3: a length above zero, or chunked). */
const hasBody = (req: Parameters<RequestHandler>[0]) =>
  req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

/** 400 "empty body" when there is nothing to read (whatever its type); 415 unless the body declares one of the given media types. */
export function requireContentType(types: string[] = JSON_TYPES): RequestHandler {
  return (req, _res, next) => {
    if (!hasBody(req)) throw new HttpError(400, 'Bad Request', 'empty body: send the document as the request body.', { errors: [{ pointer: '', keyword: 'emptyBody', message: 'empty body' }] });
    if (!req.is(types)) {
      throw new HttpError(415, 'Unsupported Media Type', `Send the body as ${types.join(' or ')}.`, { accepted: types });
    }
    next();
  };
}
