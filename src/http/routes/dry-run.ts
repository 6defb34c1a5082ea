import type { RequestHandler } from 'express';
import { todayUtc } from '../../law/in-force.js';
import { previewSubmission } from '../../service/preview.js';
import type { AppContext } from '../context.js';
import { onDraftThread, sendRendered } from '../draft-thread/draft-route.js';
import { badRequest } from '../http-error.js';
import { providerIdParam } from '../params.js';
import { lawDateParam } from '../threat-model-param.js';

/**
 * `POST /v1/providers/{id}/declarations?dryRun=true`: after the same guard and parsing as
 * a write, answers 200 with everything publishing would produce and stores nothing.
 * Without `dryRun` (or with `dryRun=false`) it hands over to the write. A large draft is
 * previewed on a draft thread, sent the stored text of the latest version.
 */
export function dryRun(ctx: AppContext): RequestHandler {
  return async (req, res, next) => {
    const flag = req.query.dryRun;
    if (flag === undefined || flag === 'false') return next();
    if (flag !== 'true') throw badRequest(`dryRun must be true or false, got "${String(flag)}".`);
    const providerId = providerIdParam(String(req.params.providerId));
    const lawDate = lawDateParam(req);
    if (onDraftThread(ctx.drafts, req.rawBody)) {
      const latest = ctx.atlas.latestOf(providerId);
      const record = latest && (await ctx.atlas.record(providerId, latest.meta.version));
      const stored = record && { version: record.version, hash: record.hash, body: record.body };
      const today = todayUtc();
      return void sendRendered(res, await ctx.drafts.pool.run({ kind: 'preview', body: req.rawBody, providerId, latest: stored, lawDate: lawDate ?? today, today }), { status: 200 });
    }
    const preview = await previewSubmission(
      { atlas: ctx.atlas, policy: ctx.policy, exposureOf: (id, v, lawDate) => ctx.exposure.of(id, v, { lawDate }), lawDate },
      providerId,
      req.body,
      req.rawBody ?? JSON.stringify(req.body),
    );
    res.status(200).json(preview);
  };
}
