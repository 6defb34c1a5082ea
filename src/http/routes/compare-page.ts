import type { RequestHandler } from 'express';
import { comparePage } from '../../report/compare-page.js';
import { compareQuery } from '../compare-query.js';
import type { AppContext } from '../context.js';
import { sendHtml } from '../send-html.js';

/** `/compare?providers=a,b[,…]`: the compare page, from the same query as `GET /v1/compare`. */
export function comparePageRoute(ctx: AppContext, labels: { categoryLabel(id: string): string; jurisdictionName(code: string): string }): RequestHandler {
  return async (req, res) => {
    const { comparison, model, lawDate, basis, modelVersion } = await compareQuery(req, ctx);
    const query = new URLSearchParams([
      ['providers', comparison.providers.map((p) => p.providerId).join(',')],
      ...model.jurisdictions.map((j) => ['jurisdiction', j]),
      ...model.categories.map((c) => ['category', c]),
      ...(req.query.lawDate !== undefined ? [['lawDate', lawDate]] : []),
      ...(basis === 'observed' ? [['basis', basis]] : []),
    ]).toString();
    sendHtml(
      res,
      comparePage({
        comparison,
        modelVersion,
        lawDate,
        basis,
        query,
        filter: {
          action: '/compare',
          submit: 'Compare',
          jurisdictions: ctx.policy.jurisdictions.map((j) => ({ code: j.code, name: j.name })),
          categories: ctx.categories.map((c) => ({ id: c.id, label: c.label })),
          selected: model,
          hidden: { providers: comparison.providers.map((p) => p.providerId).join(','), ...(basis === 'observed' ? { basis } : {}) },
        },
        ...labels,
      }),
    );
  };
}
