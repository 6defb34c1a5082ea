import type { RequestHandler } from 'express';
import type { Analysis } from '../service/analysis.js';
import type { Atlas } from '../service/atlas.js';
import type { Category } from '../policies/categories.js';

/** What routers need; built once by createApp. */
export interface AppContext {
  atlas: Atlas<Analysis>;
  categories: Category[];
  openapi: object;
  /** Guards every write; routers put it before write handlers. */
  guardWrite: RequestHandler;
  /** Parses JSON bodies within the configured limit. */
  json: RequestHandler;
}
