import { Router } from 'express';
import type { AppContext } from '../context.js';
import { notFound } from '../http-error.js';
import { todayUtc } from '../../law/in-force.js';
import { lawView } from '../../scoring/law-view.js';
import { lawDateParam } from '../threat-model-param.js';

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
    const lawDate = lawDateParam(req) ?? todayUtc();
    const view = lawView(profile, lawDate);
    // The profile as written, plus which of its facts were in force on the law date (yes, no, unknown).
    res.json({ ...profile, lawDate, inForceOnLawDate: { instruments: view.instruments, retentionMandates: view.retentionMandates, interceptionMandates: view.interceptionMandates, agreements: view.agreements } });
  });

  return router;
}
