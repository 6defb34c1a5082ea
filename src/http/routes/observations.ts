import { Router, type Request } from 'express';
import { mayObserve } from '../../auth/api-key.js';
import type { ObservationView } from '../../observations/observation-record.js';
import type { AppContext } from '../context.js';
import { fromEvidenceService, knownProvider as knownProviderOf, writer } from './evidence-routes.js';
import { sendTable } from '../csv-response.js';
import { notFound } from '../http-error.js';
import { requireContentType } from '../json-body.js';
import { positiveIntParam, providerIdParam } from '../params.js';
import type { WritePermission } from '../write-guard.js';
import { providerWrite } from '../write-guard.js';

/** Reviewers (and admins) record observations about any provider. */
const observerWrite: WritePermission = (caller) =>
  mayObserve(caller) ? undefined : 'Only a reviewer or admin key records observations; a provider answers them with a response.';
const adminOnly: WritePermission = (caller) => (caller.role === 'admin' ? undefined : 'Only an admin key may withdraw an observation.');

/**
 * The facts of the provider's assessments, listed with its observations: each marked with
 * the assessment it came from (`assessment`, and `fact`, its number there), read as "at least".
 */
function assessedFacts(ctx: AppContext, providerId: string) {
  const byId = new Map(ctx.assessments.list(providerId).map((a) => [a.id, a]));
  return ctx.assessments.placed(providerId).map((f) => {
    const a = byId.get(f.assessment!)!;
    return {
      assessment: a.id,
      fact: f.id,
      pointer: f.pointer,
      value: f.value,
      observedAt: a.observedAt,
      organisation: a.organisation,
      atLeast: true,
      location: `/v1/providers/${providerId}/assessments/${a.id}`,
    };
  });
}

export const observationLocation = (providerId: string, id: number) => `/v1/providers/${providerId}/observations/${id}`;

/** `providerId` first, as in every export. */
const observationColumns = (providerId: string) => [
  { header: 'providerId', value: () => providerId },
  { header: 'id', value: (o: ObservationView) => o.id },
  { header: 'status', value: (o: ObservationView) => o.status },
  { header: 'pointer', value: (o: ObservationView) => o.pointer },
  { header: 'value', value: (o: ObservationView) => o.value },
  { header: 'observedAt', value: (o: ObservationView) => o.observedAt },
  { header: 'organisation', value: (o: ObservationView) => o.organisation },
  { header: 'statement', value: (o: ObservationView) => o.statement },
  { header: 'sources', value: (o: ObservationView) => o.sources.map((s) => s.url) },
  { header: 'responses', value: (o: ObservationView) => o.responses.length },
];

/** Evidence beside claims: observations about a provider, the provider's responses, withdrawal. */
export function observationsRouter(ctx: AppContext): Router {
  const router = Router();
  const { observations, atlas } = ctx;
  const fromService = fromEvidenceService;
  const knownProvider = (req: Request) => knownProviderOf(ctx, req);
  const observationOr404 = (req: Request) => {
    const providerId = knownProvider(req);
    const id = positiveIntParam('observationId', req.params.observationId);
    const observation = observations.get(providerId, id);
    if (!observation) throw notFound(`No observation ${id} of provider "${providerId}".`);
    return observation;
  };

  router.post('/providers/:providerId/observations', ctx.guard(observerWrite), requireContentType(), ctx.json, async (req, res) => {
    const providerId = providerIdParam(String(req.params.providerId));
    const view = await fromService(() => observations.record(providerId, req.body, writer(res)));
    res.status(201).location(observationLocation(providerId, view.id)).json(view);
  });

  router.get('/providers/:providerId/observations', (req, res) => {
    const providerId = knownProvider(req);
    const items = observations.list(providerId);
    sendTable(req, res, {
      columns: observationColumns(providerId),
      rows: items,
      filename: `${providerId}-observations`,
      json: { providerId, declaredByProvider: atlas.latestOf(providerId) !== undefined, total: items.length, items, assessed: assessedFacts(ctx, providerId) },
    });
  });

  router.get('/providers/:providerId/observations/:observationId', (req, res) => {
    res.json(observationOr404(req));
  });

  router.delete('/providers/:providerId/observations/:observationId', ctx.guard(adminOnly), async (req, res) => {
    const { providerId, id } = observationOr404(req);
    const reason = typeof req.query.reason === 'string' ? req.query.reason.slice(0, 500) : undefined;
    const view = await fromService(() => observations.withdraw(providerId, id, writer(res), reason));
    res.locals.auditResource = observationLocation(providerId, id);
    res.json(view);
  });

  router.post('/providers/:providerId/observations/:observationId/responses', ctx.guard(providerWrite), requireContentType(), ctx.json, async (req, res) => {
    const { providerId, id } = observationOr404(req);
    const response = await fromService(() => observations.respond(providerId, id, req.body, writer(res)));
    res.status(201).location(`${observationLocation(providerId, id)}/responses/${response.id}`).json({ providerId, observationId: id, ...response });
  });

  router.get('/providers/:providerId/observations/:observationId/responses/:responseId', (req, res) => {
    const observation = observationOr404(req);
    const responseId = positiveIntParam('responseId', req.params.responseId);
    const response = observation.responses.find((r) => r.id === responseId);
    if (!response) throw notFound(`No response ${responseId} to observation ${observation.id} of provider "${observation.providerId}".`);
    res.json({ providerId: observation.providerId, observationId: observation.id, ...response });
  });

  return router;
}
