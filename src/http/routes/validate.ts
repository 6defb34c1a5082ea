import { Router } from 'express';
import { DraftChecks } from '../../service/draft-checks.js';
import { draftFindings } from '../../service/draft-findings.js';
import { todayUtc } from '../../law/in-force.js';
import type { AppContext } from '../context.js';
import { invalidDocument } from '../http-error.js';
import { requireContentType } from '../json-body.js';

/** Checks a draft declaration without storing anything. */
export function validateRouter(ctx: AppContext): Router {
  const router = Router();
  const drafts = new DraftChecks((doc) => ctx.atlas.check(doc));
  router.post('/validate', requireContentType(), ctx.json, async (req, res) => {
    const result = drafts.of(req.rawBody ?? '', req.body);
    if (!result.valid) throw invalidDocument(result.errors);
    const declaration = result.declaration;
    const previous = await ctx.atlas.latestDeclaration(declaration.provider.id);
    const draft = draftFindings(declaration, previous, ctx.policy, todayUtc());
    res.json({ valid: true, warnings: [...result.warnings, ...draft.warnings], findings: draft.findings });
  });
  return router;
}
