import { Router } from 'express';
import type { Finding } from '../../findings/rule.js';
import type { AppContext } from '../context.js';
import { latestOr404 } from '../provider-view.js';
import { sendTable } from '../csv-response.js';
import { badRequest, notFound } from '../http-error.js';
import { listParam, positiveIntParam } from '../params.js';
import { findingsWithEvidence } from '../../service/evidence-findings.js';
import { todayUtc } from '../../law/in-force.js';
import { observationsConflict } from '../../findings/rules/observations-conflict.js';
import { runRules } from '../../findings/run-rules.js';

const SEVERITIES = ['error', 'warning', 'info'];

/** `providerId` first, as in every export. */
const findingColumns = (providerId: string, version: number) => [
  { header: 'providerId', value: () => providerId },
  { header: 'version', value: () => version },
  { header: 'rule', value: (f: Finding) => f.rule },
  { header: 'severity', value: (f: Finding) => f.severity },
  { header: 'kind', value: (f: Finding) => f.kind },
  { header: 'message', value: (f: Finding) => f.message },
  { header: 'pointers', value: (f: Finding) => f.pointers },
  { header: 'jurisdiction', value: (f: Finding) => f.jurisdiction },
];

/** Findings of a version, computed when it was stored: contradictions, gaps, regressions. */
export function findingsRouter(ctx: AppContext): Router {
  const router = Router();
  const { atlas } = ctx;

  router.get('/providers/:providerId/findings', async (req, res) => {
    // A provider known only from evidence has no declaration to judge: its findings are those
    // about the evidence itself (pieces that disagree), judged on a declaration that answers nothing.
    const id = String(req.params.providerId);
    if (!atlas.latestOf(id) && ctx.observations.hasEvidence(id) && req.query.version === undefined) {
      const base = (await ctx.observations.baseOf(id))!;
      const findings = runRules([observationsConflict], { declaration: base.declaration, changes: [], jurisdictions: [], contentCategories: new Set(), observations: ctx.observations.facts(id) });
      return void sendTable(req, res, {
        columns: findingColumns(id, 0).filter((c) => c.header !== 'version'),
        rows: findings,
        json: { providerId: id, declaredByProvider: false, findings },
        filename: `${id}-findings`,
      });
    }
    const latest = latestOr404(atlas, req.params.providerId);
    const providerId = latest.meta.providerId;
    const version = positiveIntParam('version', req.query.version, latest.meta.version);
    const severities = listParam(req.query.severity);
    const unknown = severities.filter((s) => !SEVERITIES.includes(s));
    if (unknown.length > 0) throw badRequest(`severity must be one of ${SEVERITIES.join(', ')}, got "${unknown.join(', ')}".`);
    const analysis = await atlas.analysisAt(providerId, version);
    if (!analysis) throw notFound(`No version ${version} of provider "${providerId}".`);
    const declaration = (await atlas.declarationAt(providerId, version))!;
    const all = findingsWithEvidence(analysis.findings, declaration, ctx.observations.facts(providerId), todayUtc());
    const findings = all.filter((f) => severities.length === 0 || severities.includes(f.severity));
    sendTable(req, res, {
      columns: findingColumns(providerId, version),
      rows: findings,
      json: { providerId, version, findings },
      filename: `${providerId}-v${version}-findings`,
    });
  });

  return router;
}
