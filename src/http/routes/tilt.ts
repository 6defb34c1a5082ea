import { Router } from 'express';
import { importTables, tiltKeywords } from '../../policies/load-import-tables.js';
import type { AppContext } from '../context.js';
import { renderTilt } from '../draft-thread/draft-answers.js';
import { onDraftThread, sendRendered } from '../draft-thread/draft-route.js';
import { requireContentType } from '../json-body.js';
import { providerIdParam } from '../params.js';

/** TILT documents in, draft declarations out; nothing is stored. A large document is mapped and checked on a draft thread. */
export function tiltRouter(ctx: AppContext): Router {
  const router = Router();

  router.post('/import/tilt', requireContentType(), ctx.json, async (req, res) => {
    const providerId = req.query.providerId === undefined ? undefined : providerIdParam(String(req.query.providerId));
    const today = new Date().toISOString().slice(0, 10);
    const rendered = onDraftThread(ctx.drafts, req.rawBody)
      ? await ctx.drafts.pool.run({ kind: 'tilt', body: req.rawBody, providerId, today })
      : renderTilt({ check: (doc) => ctx.atlas.check(doc) }, req.body, { keywords: tiltKeywords(), tables: importTables() }, providerId, today);
    sendRendered(res, rendered);
  });

  return router;
}
