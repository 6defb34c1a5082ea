import { Router } from 'express';
import { diffDeclarations } from '../../diff/diff-declarations.js';
import type { AppContext } from '../context.js';
import { latestOr404 } from '../provider-view.js';
import { badRequest, notFound } from '../http-error.js';
import { positiveIntParam } from '../params.js';

/** What changed between two versions of a provider's declaration. */
export function diffRouter(ctx: AppContext): Router {
  const router = Router();
  const { atlas } = ctx;

  router.get('/providers/:providerId/diff', async (req, res) => {
    const latest = latestOr404(atlas, req.params.providerId);
    const providerId = latest.meta.providerId;
    const to = positiveIntParam('to', req.query.to, latest.meta.version);
    if (req.query.from === undefined && to === 1) throw badRequest('Version 1 has no previous version: give from explicitly.');
    const from = positiveIntParam('from', req.query.from, to - 1);
    const [before, after] = await Promise.all([atlas.declarationAt(providerId, from), atlas.declarationAt(providerId, to)]);
    if (!before) throw notFound(`No version ${from} of provider "${providerId}".`);
    if (!after) throw notFound(`No version ${to} of provider "${providerId}".`);
    res.json({ providerId, from, to, changes: diffDeclarations(before, after) });
  });

  return router;
}
