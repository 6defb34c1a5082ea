import express, { type Express, type RequestHandler } from 'express';
import type { Analysis } from '../service/analysis.js';
import type { Atlas } from '../service/atlas.js';
import type { Category } from '../policies/categories.js';
import type { AppContext } from './context.js';
import { errorHandler } from './error-handler.js';
import { HttpError } from './http-error.js';
import { jsonBody } from './json-body.js';
import { docsRouter } from './routes/docs.js';
import { providersRouter } from './routes/providers.js';
import { referenceRouter } from './routes/reference.js';
import { validateRouter } from './routes/validate.js';
import { writeGuard } from './write-guard.js';

export interface AppOptions {
  atlas: Atlas<Analysis>;
  categories: Category[];
  openapi: object;
  /** Maximum request body size (bytes or a string such as "1mb"). */
  bodyLimit?: string | number;
  guardWrite?: RequestHandler;
  log?: (message: string, error: unknown) => void;
}

/** Builds the express app; it never listens (main.ts and tests decide that). */
export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  const ctx: AppContext = {
    atlas: options.atlas,
    categories: options.categories,
    openapi: options.openapi,
    guardWrite: options.guardWrite ?? writeGuard(),
    json: jsonBody(options.bodyLimit ?? '1mb'),
  };

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', providers: ctx.atlas.providerIds().length });
  });
  app.use(docsRouter(ctx));

  const v1 = express.Router();
  v1.use(validateRouter(ctx));
  v1.use(providersRouter(ctx));
  v1.use(referenceRouter(ctx));
  app.use('/v1', v1);

  app.use((req) => {
    throw new HttpError(404, 'Not Found', `No route for ${req.method} ${req.path}.`);
  });
  app.use(errorHandler(options.log));
  return app;
}
