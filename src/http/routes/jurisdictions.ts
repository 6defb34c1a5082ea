import { Router } from 'express';
import type { AppContext } from '../context.js';
import { notFound } from '../http-error.js';

/** The sourced legal-access profiles the model reads. */
export function jurisdictionsRouter(ctx: AppContext): Router {
  const router = Router();
  const byCode = new Map(ctx.policy.jurisdictions.map((p) => [p.code as string, p]));

  router.get('/jurisdictions', (_req, res) => {
    res.json({
      jurisdictions: ctx.policy.jurisdictions.map((p) => ({
        code: p.code,
        name: p.name,
        reviewed: p.reviewed,
        instruments: p.instruments.length,
        retentionMandates: p.retentionMandates.length,
        href: `/v1/jurisdictions/${p.code}`,
      })),
    });
  });

  router.get('/jurisdictions/:code', (req, res) => {
    const code = String(req.params.code).toUpperCase();
    const profile = byCode.get(code);
    if (!profile) throw notFound(`No jurisdiction profile for "${req.params.code}". Known: ${[...byCode.keys()].join(', ')}.`);
    res.json(profile);
  });

  return router;
}
