import { Router } from 'express';
import type { AppContext } from '../context.js';
import { notFound } from '../http-error.js';

/** Reference data: the category taxonomy and the JSON Schemas for offline validation. */
export function referenceRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/categories', (_req, res) => {
    res.json({ categories: ctx.categories });
  });

  router.get('/schemas', (_req, res) => {
    const names = ctx.atlas.registry.names();
    res.json({ schemas: names.map((name) => ({ name, href: `/v1/schemas/${name}` })) });
  });

  router.get('/schemas/:name', (req, res) => {
    const name = req.params.name.replace(/\.schema\.json$|\.json$/, '');
    const schema = ctx.atlas.registry.schema(name);
    if (!schema) throw notFound(`No schema "${req.params.name}". Known: ${ctx.atlas.registry.names().join(', ')}.`);
    res.type('application/schema+json').send(JSON.stringify(schema, null, 2));
  });

  return router;
}
