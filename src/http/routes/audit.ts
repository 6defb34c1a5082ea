import { Router } from 'express';
import type { AppContext } from '../context.js';
import { pageParams } from '../params.js';

/** The audit trail of keyed writes, newest first (admins). */
export function auditRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/audit', ctx.requireAdmin, async (req, res) => {
    const page = pageParams(req.query, 100, 1000);
    const { total, items } = await ctx.auth.audit.list(page);
    res.json({ total, ...page, items });
  });
  return router;
}
