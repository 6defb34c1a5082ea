import { Router } from 'express';
import { DraftChecks } from '../../service/draft-checks.js';
import type { AppContext } from '../context.js';
import { invalidDocument } from '../http-error.js';
import { requireContentType } from '../json-body.js';

/** Checks a draft declaration without storing anything. */
export function validateRouter(ctx: AppContext): Router {
  const router = Router();
  const drafts = new DraftChecks((doc) => ctx.atlas.check(doc));
  router.post('/validate', requireContentType(), ctx.json, (req, res) => {
    const result = drafts.of(req.rawBody ?? '', req.body);
    if (!result.valid) throw invalidDocument(result.errors);
    res.json({ valid: true, warnings: result.warnings });
  });
  return router;
}
