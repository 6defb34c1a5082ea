import express, { type RequestHandler } from 'express';
import { HttpError } from './http-error.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** The request body exactly as received (UTF-8), for storing submissions byte for byte. */
    rawBody?: string;
  }
}

export const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * Parses JSON bodies (objects and arrays only) and keeps the raw text beside the parsed
 * value. Malformed JSON never reaches a handler: the error handler answers 400.
 */
export function jsonBody(limit: string | number): RequestHandler {
  const parse = express.json({
    limit,
    strict: true,
    type: JSON_TYPES,
    verify: (req, _res, buf) => {
      (req as unknown as { rawBody: string }).rawBody = buf.toString('utf8');
    },
  });
  return (req, res, next) =>
    parse(req, res, (error?: unknown) => {
      if (error) return next(error);
      // An empty body is not a JSON document; the parser would otherwise hand on `{}`.
      if (!req.rawBody || req.rawBody.trim() === '') return next(new HttpError(400, 'Malformed JSON', 'The request body is empty.'));
      next();
    });
}

/** 415 unless the request declares one of the given media types. */
export function requireContentType(types: string[] = JSON_TYPES): RequestHandler {
  return (req, _res, next) => {
    if (!req.is(types)) {
      throw new HttpError(415, 'Unsupported Media Type', `Send the body as ${types.join(' or ')}.`, { accepted: types });
    }
    next();
  };
}
