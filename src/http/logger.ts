import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { pino, type Logger } from 'pino';

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
 *
 * Written here rather than with pino-http, which builds a child logger (serialising the
 * request's bindings) and a wrapped copy of the request for its serializers on every request,
 * only for the line to keep four fields of it: this writes the same line
 * (`{ req: { id, method, url, remoteAddress }, res: { statusCode }, responseTime }`, message
 * "request completed", or "request errored" at level error for a 5xx or an aborted answer)
 * with one object per request.
 */
export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = Date.now();
    const offered = req.headers['x-request-id'];
    const id = typeof offered === 'string' && CALLER_ID.test(offered) ? offered : randomUUID();
    res.setHeader('X-Request-Id', id);
    res.locals.requestId = id;
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      res.removeListener('close', done);
      const status = res.statusCode;
      const aborted = !res.writableFinished;
      const level = aborted || status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const line = { req: { id, method: req.method, url: req.originalUrl, remoteAddress: req.socket.remoteAddress }, res: { statusCode: status }, responseTime: Date.now() - started };
      logger[level](line, aborted ? 'request aborted' : status >= 500 ? 'request errored' : 'request completed');
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  };
}
