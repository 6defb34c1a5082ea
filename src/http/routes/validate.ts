import { Router } from 'express';
import { DraftChecks } from '../../service/draft-checks.js';
import { todayUtc } from '../../law/in-force.js';
import type { AppContext } from '../context.js';
import { invalidDocument } from '../http-error.js';
import { requireContentType } from '../json-body.js';
import { claimedProvider, renderValidation } from '../draft-thread/draft-answers.js';
import { onDraftThread, sendRendered } from '../draft-thread/draft-route.js';

/** Checks a draft declaration without storing anything. */
export function validateRouter(ctx: AppContext): Router {
  const router = Router();
  const drafts = new DraftChecks((doc) => ctx.atlas.check(doc));
  router.post('/validate', requireContentType(), ctx.json, async (req, res) => {
    if (onDraftThread(ctx.drafts, req.rawBody)) {
      // Checked and judged on a draft thread, with the stored text of the latest version its findings compare with.
      const claimed = claimedProvider(req.body);
      const latest = claimed !== undefined ? ctx.atlas.latestOf(claimed) : undefined;
      const previous = latest && (await ctx.atlas.record(latest.meta.providerId, latest.meta.version))?.body;
      return void sendRendered(res, await ctx.drafts.pool.run({ kind: 'validate', body: req.rawBody, previous, today: todayUtc() }));
    }
    const result = drafts.of(req.rawBody ?? '', req.body);
    if (!result.valid) throw invalidDocument(result.errors);
    const previous = await ctx.atlas.latestDeclaration(result.declaration.provider.id);
    sendRendered(res, renderValidation(ctx, result, previous, todayUtc()));
  });
  return router;
}
