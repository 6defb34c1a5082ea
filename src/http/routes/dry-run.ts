import type { RequestHandler } from 'express';
import { previewSubmission } from '../../service/preview.js';
import type { AppContext } from '../context.js';
import { badRequest } from '../http-error.js';
import { providerIdParam } from '../params.js';
import { lawDateParam } from '../threat-model-param.js';

/**
 * `POST /v1/providers/{id}/declarations?dryRun=true`: after the same guard and parsing as
 * a write, answers 200 with everything publishing would produce and stores nothing.
 * Without `dryRun` (or with `dryRun=false`) it hands over to the write.
 */
export function dryRun(ctx: AppContext): RequestHandler {
  return async (req, res, next) => {
    const flag = req.query.dryRun;
    if (flag === undefined || flag === 'false') return next();
    if (flag !== 'true') throw badRequest(`dryRun must be true or false, got "${String(flag)}".`);
    const providerId = providerIdParam(String(req.params.providerId));
    const preview = await previewSubmission(
      { atlas: ctx.atlas, policy: ctx.policy, exposureOf: (id, v, lawDate) => ctx.exposure.of(id, v, { lawDate }), lawDate: lawDateParam(req) },
      providerId,
      req.body,
      req.rawBody ?? JSON.stringify(req.body),
    );
    res.status(200).json(preview);
  };
}
