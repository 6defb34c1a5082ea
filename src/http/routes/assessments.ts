import { Router, type Request } from 'express';
import { mayObserve } from '../../auth/api-key.js';
import type { AssessmentView } from '../../assessments/assessment-record.js';
import type { AppContext } from '../context.js';
import { fromEvidenceService, knownProvider as knownProviderOf, writer } from './evidence-routes.js';
import { sendTable } from '../csv-response.js';
import { notFound } from '../http-error.js';
import { requireContentType } from '../json-body.js';
import { positiveIntParam, providerIdParam } from '../params.js';
import { providerWrite, type WritePermission } from '../write-guard.js';

/** Reviewers (and admins) assess any provider. */
const assessorWrite: WritePermission = (caller) =>
  mayObserve(caller) ? undefined : 'Only a reviewer or admin key records assessments; a provider answers them with a response.';
const adminOnly: WritePermission = (caller) => (caller.role === 'admin' ? undefined : 'Only an admin key may withdraw an assessment.');

export const assessmentLocation = (providerId: string, id: number) => `/v1/providers/${providerId}/assessments/${id}`;

const assessmentColumns = (providerId: string) => [
  { header: 'providerId', value: () => providerId },
  { header: 'id', value: (a: AssessmentView) => a.id },
  { header: 'status', value: (a: AssessmentView) => a.status },
  { header: 'observedAt', value: (a: AssessmentView) => a.observedAt },
  { header: 'organisation', value: (a: AssessmentView) => a.organisation },
  { header: 'parts', value: (a: AssessmentView) => Object.keys(a.document) },
  { header: 'statement', value: (a: AssessmentView) => a.statement },
  { header: 'sources', value: (a: AssessmentView) => a.sources.map((s) => s.url) },
  { header: 'responses', value: (a: AssessmentView) => a.responses.length },
];

/** Assessments: a reviewer's account of a provider as parts of a declaration, the provider's responses, withdrawal. */
export function assessmentsRouter(ctx: AppContext): Router {
  const router = Router();
  const { assessments, observations, atlas } = ctx;
  const fromService = fromEvidenceService;
  const knownProvider = (req: Request) => knownProviderOf(ctx, req);
  const assessmentOr404 = (req: Request) => {
    const providerId = knownProvider(req);
    const id = positiveIntParam('assessmentId', req.params.assessmentId);
    const assessment = assessments.get(providerId, id);
    if (!assessment) throw notFound(`No assessment ${id} of provider "${providerId}".`);
    return assessment;
  };

  router.post('/providers/:providerId/assessments', ctx.guard(assessorWrite), requireContentType(), ctx.json, async (req, res) => {
    const providerId = providerIdParam(String(req.params.providerId));
    const view = await fromService(() => assessments.record(providerId, req.body, writer(res)));
    res.status(201).location(assessmentLocation(providerId, view.id)).json(view);
  });

  router.get('/providers/:providerId/assessments', (req, res) => {
    const providerId = knownProvider(req);
    const items = assessments.list(providerId);
    sendTable(req, res, {
      columns: assessmentColumns(providerId),
      rows: items,
      filename: `${providerId}-assessments`,
      json: { providerId, declaredByProvider: atlas.latestOf(providerId) !== undefined, total: items.length, items },
    });
  });

  router.get('/providers/:providerId/assessments/:assessmentId', (req, res) => {
    res.json(assessmentOr404(req));
  });

  router.delete('/providers/:providerId/assessments/:assessmentId', ctx.guard(adminOnly), async (req, res) => {
    const { providerId, id } = assessmentOr404(req);
    const reason = typeof req.query.reason === 'string' ? req.query.reason.slice(0, 500) : undefined;
    const view = await fromService(() => assessments.withdraw(providerId, id, writer(res), reason));
    res.locals.auditResource = assessmentLocation(providerId, id);
    res.json(view);
  });

  router.post('/providers/:providerId/assessments/:assessmentId/responses', ctx.guard(providerWrite), requireContentType(), ctx.json, async (req, res) => {
    const { providerId, id } = assessmentOr404(req);
    const response = await fromService(() => assessments.respond(providerId, id, req.body, writer(res)));
    res.status(201).location(`${assessmentLocation(providerId, id)}/responses/${response.id}`).json({ providerId, assessmentId: id, ...response });
  });

  return router;
}
