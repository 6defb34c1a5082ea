import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/**
 * The process's structured logger: JSON lines on stdout. `LOG_LEVEL` sets the level
 * (default `info`); under Jest it is `silent` unless LOG_LEVEL says otherwise.
 * Lines are written asynchronously: a request never waits for its log line, and lines
 * logged while a write is in flight go out together in the next write (no size threshold,
 * so a quiet server's lines appear at once). pino flushes what is pending when the process
 * exits; a machine crash can lose the lines of the last write in flight.
 */
export function createLogger(env: NodeJS.ProcessEnv = process.env): Logger {
  const level = env.LOG_LEVEL ?? (env.JEST_WORKER_ID !== undefined ? 'silent' : 'info');
  return pino({ level, base: { service: 'retention-atlas' } }, pino.destination({ dest: 1, sync: false }));
}

/** A request id a caller (or a proxy) may choose: short, and harmless in a header and a log line. */
const CALLER_ID = /^[A-Za-z0-9._:-]{1,128}$/;

declare module 'express-serve-static-core' {
  interface Locals {
    /** This request's id: in the log line, the `X-Request-Id` answer header and every problem. */
    requestId?: string;
  }
}

/**
 * One log line per request (method, URL, status, time taken, request id), with the id
 * taken from an incoming `X-Request-Id` when it is well-formed, a fresh UUID otherwise,
 * and echoed in the answer. Authorization headers and tokens are never logged.
 */
export function requestLogging(logger: Logger): RequestHandler {
  const log = pinoHttp({
    logger,
    genReqId: (req, res) => {
      const offered = req.headers['x-request-id'];
      const id = typeof offered === 'string' && CALLER_ID.test(offered) ? offered : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    serializers: {
      req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({ id: req.id, method: req.method, url: req.url, remoteAddress: req.remoteAddress }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
  return (req, res, next) => {
    log(req, res);
    res.locals.requestId = String(req.id);
    next();
  };
}
