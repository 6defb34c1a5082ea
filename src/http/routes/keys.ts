import { Router } from 'express';
import { publicKeyView } from '../../auth/api-key.js';
import { ENV_ADMIN_KEY_ID } from '../../auth/authenticator.js';
import { parseKeyRequest } from '../../auth/key-request.js';
import { mintToken } from '../../auth/token.js';
import type { AppContext } from '../context.js';
import { HttpError, notFound } from '../http-error.js';
import { requireContentType } from '../json-body.js';

/** Key management (admins): mint a key (its token is shown once), list keys, revoke one. */
export function keysRouter(ctx: AppContext): Router {
  const router = Router();
  const { authenticator, clock } = ctx.auth;

  router.post('/keys', ctx.guardWrite, requireContentType(), ctx.json, async (req, res) => {
    const request = parseKeyRequest(req.body);
    const { id, token, hash } = mintToken();
    const createdAt = clock().toISOString();
    await authenticator.keys.add({ id, hash, createdAt, createdBy: res.locals.keyId, ...request });
    res.locals.auditResource = `/v1/keys/${id}`;
    res.status(201).json({ id, token, role: request.role, providerId: request.providerId, ...(request.organisation ? { organisation: request.organisation } : {}), ...(request.label ? { label: request.label } : {}), createdAt });
  });

  router.get('/keys', ctx.requireAdmin, async (_req, res) => {
    res.json({ keys: (await authenticator.list()).map(publicKeyView) });
  });

  router.delete('/keys/:keyId', ctx.guardWrite, async (req, res) => {
    const keyId = String(req.params.keyId);
    if (keyId === ENV_ADMIN_KEY_ID) {
      throw new HttpError(409, 'Conflict', 'This key comes from ADMIN_API_KEY; change or unset that variable and restart to revoke it.');
    }
    if (!(await authenticator.keys.revoke(keyId, clock()))) throw notFound(`No key "${keyId}".`);
    res.locals.auditResource = `/v1/keys/${keyId}`;
    res.status(204).end();
  });

  return router;
}
