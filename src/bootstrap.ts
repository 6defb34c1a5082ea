import type { Express } from 'express';
import { loadSchemaRegistry, type SchemaRegistry } from './formats/schema-registry.js';
import { createApp, type AppOptions } from './http/app.js';
import { loadOpenApiDocument } from './http/openapi-document.js';
import { loadCategories } from './policies/categories.js';
import { analyzeDeclaration, type Analysis } from './service/analysis.js';
import { Atlas } from './service/atlas.js';
import type { Store } from './store/store.js';

export interface Service {
  app: Express;
  atlas: Atlas<Analysis>;
  registry: SchemaRegistry;
}

/** Everything but listening: schemas, policies, the read model over the store, the app. */
export async function buildService(store: Store, options: Partial<AppOptions> = {}): Promise<Service> {
  const registry = loadSchemaRegistry();
  const categories = loadCategories(registry);
  const atlas = await Atlas.open(store, registry, analyzeDeclaration);
  const openapi = options.openapi ?? (await loadOpenApiDocument());
  const app = createApp({ ...options, atlas, categories, openapi });
  return { app, atlas, registry };
}
