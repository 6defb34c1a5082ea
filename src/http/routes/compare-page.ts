import type { Request, RequestHandler } from 'express';
import { comparePage } from '../../report/compare-page.js';
import { defaultJurisdictions } from '../../report/default-jurisdictions.js';
import { compareProviders } from '../../service/compare.js';
import { compareInputs } from '../compare-query.js';
import type { AppContext } from '../context.js';
import { controlsQuery, pageControls } from '../page-controls.js';
import { observersOf } from '../page-subject.js';
import { sendHtml } from '../send-html.js';

/** `/compare?providers=a,b[,…]`: the compare page, from the same inputs as `GET /v1/compare`, with the page's controls. */
export function comparePageRoute(ctx: AppContext, labels: { categoryLabel(id: string): string; jurisdictionName(code: string): string }): RequestHandler {
  const profiles = ctx.policy.jurisdictions.map((j) => j.code as string);
  return async (req, res) => {
    const c = pageControls(req, ctx);
    // Every jurisdiction first: the default columns are chosen from the providers compared.
    const query: Record<string, unknown> = { providers: req.query.providers, lawDate: c.lawDate, basis: c.basis, ...(c.model.categories.length ? { category: c.model.categories.join(',') } : {}) };
    const { inputs, basis, lawDate, declaredByProvider } = await compareInputs({ query } as unknown as Request, ctx);
    const jurisdictions = c.jurisdictionChoice === 'default' ? defaultJurisdictions(inputs.map((i) => i.declaration), inputs.flatMap((i) => i.exposure.cells), profiles) : c.model.jurisdictions;
    const model = { jurisdictions, categories: c.model.categories };
    const comparison = compareProviders(inputs, model, ctx.categories.map((x) => x.id));
    const providers = comparison.providers.map((p) => p.providerId).join(',');
    const extra: [string, string][] = [['providers', providers]];
    const here = (change: Parameters<typeof controlsQuery>[1]) => `/compare?${controlsQuery({ ...c, basisGiven: true, lawDateGiven: true }, change, extra)}`;
    sendHtml(
      res,
      comparePage({
        comparison,
        modelVersion: inputs[0].exposure.modelVersion,
        lawDate,
        basis,
        declaredByProvider,
        observers: Object.fromEntries(inputs.map((i) => [i.providerId, observersOf(ctx, i.providerId)])),
        query: controlsQuery({ ...c, basisGiven: true, lawDateGiven: true, model }, { jurisdiction: jurisdictions.join(',') }, extra),
        otherBasisHref: here({ basis: basis === 'observed' ? 'declared' : 'observed' }),
        filter: {
          action: '/compare',
          submit: 'Compare',
          jurisdictions: ctx.policy.jurisdictions.map((j) => ({ code: j.code, name: j.name })),
          categories: ctx.categories.map((x) => ({ id: x.id, label: x.label })),
          selected: model,
          hidden: { providers },
          lawDate,
          basis,
          columns: { choice: c.jurisdictionChoice, defaultHref: here({ jurisdiction: undefined }), allHref: here({ jurisdiction: '' }) },
        },
        ...labels,
      }),
    );
  };
}
