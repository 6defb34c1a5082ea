import { Router } from 'express';
import { importTables, tiltKeywords } from '../../policies/load-import-tables.js';
import { mapTilt } from '../../tilt/map-tilt.js';
import { isObject } from '../../tilt/tilt-values.js';
import type { AppContext } from '../context.js';
import { invalidDocument } from '../http-error.js';
import { requireContentType } from '../json-body.js';
import { providerIdParam } from '../params.js';

/** TILT documents in, draft declarations out; nothing is stored. */
export function tiltRouter(ctx: AppContext): Router {
  const router = Router();

  router.post('/import/tilt', requireContentType(), ctx.json, (req, res) => {
    if (!isObject(req.body)) throw invalidDocument([{ pointer: '', keyword: 'type', message: 'a TILT document is a JSON object' }], 'The body is not a TILT document.');
    const providerId = req.query.providerId === undefined ? undefined : providerIdParam(String(req.query.providerId));
    const draft = mapTilt(req.body, { keywords: tiltKeywords(), tables: importTables(), today: new Date().toISOString().slice(0, 10), providerId });
    const check = ctx.atlas.check(draft.declaration);
    res.json({
      declaration: draft.declaration,
      valid: check.valid,
      ...(check.valid ? {} : { errors: check.errors }),
      unmapped: draft.unmapped,
      repaired: draft.repaired,
    });
  });

  return router;
}
