import { Router } from 'express';
import { expandPointers, names } from '../../campaigns/ask-places.js';
import { unansweredQuestion } from '../../findings/rules/unanswered-question.js';
import { runRules } from '../../findings/run-rules.js';
import type { Finding } from '../../findings/rule.js';
import { todayUtc } from '../../law/in-force.js';
import { campaignIndexPage, campaignPage, type NamedWarning } from '../../report/campaign-page.js';
import type { AppContext } from '../context.js';
import { notFound } from '../http-error.js';
import { providerIdParam } from '../params.js';
import { sendHtml } from '../send-html.js';
import { lawDateParam } from '../threat-model-param.js';

/** The campaign pages: `/campaigns` (index) and `/campaigns/{id}` (the scorecard). */
export function campaignPagesRouter(ctx: AppContext): Router {
  const router = Router();
  const { campaigns, atlas, observations } = ctx;
  const taxonomy = ctx.categories.map((c) => c.id);

  router.get('/campaigns', async (_req, res) => {
    sendHtml(res, campaignIndexPage(await campaigns.list()));
  });

  router.get('/campaigns/:campaignId', async (req, res) => {
    const id = providerIdParam(String(req.params.campaignId));
    const campaign = await campaigns.get(id);
    if (!campaign) throw notFound(`No campaign "${id}".`);
    const card = await campaigns.scorecard(campaign, lawDateParam(req) ?? todayUtc());
    // The warnings of each provider's latest declaration, to link each open ask to those that name it.
    const findings = new Map<string, { declaration: Awaited<ReturnType<typeof atlas.latestDeclaration>>; list: Finding[] }>();
    for (const providerId of campaign.providers) {
      const declaration = await atlas.latestDeclaration(providerId);
      findings.set(providerId, { declaration, list: declaration ? runRules([unansweredQuestion], { declaration, changes: [], jurisdictions: [], contentCategories: new Set(), taxonomy }) : [] });
    }
    const warnings = (providerId: string, askId: string): NamedWarning[] => {
      const ask = campaign.asks.find((a) => a.id === askId)!;
      const { declaration, list } = findings.get(providerId)!;
      const places = expandPointers(ask.pointers, declaration, taxonomy);
      return list
        .filter((f) => f.pointers.some((w) => places.some((p) => names(w, p))))
        .map((f) => ({ pointer: f.pointers[0], message: f.message, href: `/providers/${providerId}#findings` }));
    };
    const name = (providerId: string) => observations.undeclared().find((u) => u.providerId === providerId)?.name ?? atlas.latestOf(providerId)?.summary.name ?? providerId;
    sendHtml(res, campaignPage({ card, providerName: name, warnings, assessedBy: (p) => (atlas.latestOf(p) ? [] : observations.assessedBy(p)), today: todayUtc() }));
  });

  return router;
}
