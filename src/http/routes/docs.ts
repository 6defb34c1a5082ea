import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import { stringify } from 'yaml';
import type { AppContext } from '../context.js';

/** The OpenAPI document (JSON and YAML) and Swagger UI over it. */
export function docsRouter(ctx: AppContext): Router {
  const router = Router();
  const json = JSON.stringify(ctx.openapi);
  // Written out on its first request, then kept: every start paid about 0.25 s of CPU for it.
  let yaml: string | undefined;

  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(json);
  });
  router.get('/openapi.yaml', (_req, res) => {
    res.type('application/yaml').send((yaml ??= stringify(ctx.openapi, { aliasDuplicateObjects: false })));
  });
  // Swagger UI is static pages: other methods fall through to the app's 404/405.
  router.use('/docs', (req, _res, next) => (req.method === 'GET' || req.method === 'HEAD' ? next() : next('router')));
  router.use(
    '/docs',
    swaggerUi.serveFiles(undefined, { swaggerOptions: { url: '/openapi.json', validatorUrl: null } }),
    swaggerUi.setup(undefined, {
      customSiteTitle: 'retention-atlas API',
      swaggerOptions: { url: '/openapi.json', validatorUrl: null, tryItOutEnabled: false },
    }),
  );
  return router;
}
