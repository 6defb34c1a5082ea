import { Router, type Request } from 'express';
import { mayObserve } from '../../auth/api-key.js';
import { renderAtom } from '../../feeds/atom.js';
import { campaignEntries } from '../../feeds/campaign-entries.js';
import { TAG_BASE } from '../../feeds/version-entries.js';
import { CampaignExistsError } from '../../campaigns/campaign-store.js';
import type { ScorecardRow } from '../../campaigns/scorecard.js';
import { todayUtc } from '../../law/in-force.js';
import { CampaignForbidden } from '../../service/campaign-service.js';
import type { AppContext } from '../context.js';
import { evidenceHttpError, writer } from './evidence-routes.js';
import { sendTable } from '../csv-response.js';
import { HttpError, notFound } from '../http-error.js';
import { requireContentType } from '../json-body.js';
import { providerIdParam } from '../params.js';
import { lawDateParam } from '../threat-model-param.js';
import type { WritePermission } from '../write-guard.js';

/** Reviewers and admins run campaigns; provider keys answer them with declarations. */
const campaignerWrite: WritePermission = (caller) => (mayObserve(caller) ? undefined : 'Only a reviewer or admin key creates or revises a campaign.');

export const campaignLocation = (id: string) => `/v1/campaigns/${id}`;
const baseUrl = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

/** The CSV columns PRODUCT.md fixes. */
const SCORECARD_COLUMNS = (campaignId: string) => [
  { header: 'campaignId', value: () => campaignId },
  { header: 'providerId', value: (r: ScorecardRow) => r.providerId },
  { header: 'askId', value: (r: ScorecardRow) => r.askId },
  { header: 'state', value: (r: ScorecardRow) => r.state },
  { header: 'stateAtSentOn', value: (r: ScorecardRow) => r.stateAtSentOn },
  { header: 'overdue', value: (r: ScorecardRow) => r.overdue },
];

/** Campaigns: create, list, the scorecard (JSON or CSV), revisions, the feed. */
export function campaignsRouter(ctx: AppContext): Router {
  const router = Router();
  const { campaigns } = ctx;
  const fromService = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof CampaignExistsError) throw new HttpError(409, 'Conflict', `The campaign id "${error.campaignId}" is taken; choose another id.`);
      if (error instanceof CampaignForbidden) throw new HttpError(403, 'Forbidden', error.message);
      throw evidenceHttpError(error);
    }
  };
  const campaignOr404 = async (req: Request) => {
    const id = providerIdParam(String(req.params.campaignId));
    const campaign = await campaigns.get(id);
    if (!campaign) throw notFound(`No campaign "${id}".`);
    return campaign;
  };

  router.post('/campaigns', ctx.guard(campaignerWrite), requireContentType(), ctx.json, async (req, res) => {
    const campaign = await fromService(() => campaigns.create(req.body, writer(res)));
    res.locals.auditResource = campaignLocation(campaign.id);
    res.status(201).location(campaignLocation(campaign.id)).json(campaign);
  });

  router.get('/campaigns', async (_req, res) => {
    const items = await campaigns.list();
    res.json({
      total: items.length,
      items: items.map(({ id, title, organisation, sentOn, replyDueBy, status, asks, providers }) => ({
        id, title, organisation, sentOn, replyDueBy, status, asks: asks.length, providers: providers.length, links: { scorecard: campaignLocation(id), page: `/campaigns/${id}`, feed: `${campaignLocation(id)}/feed.atom` },
      })),
    });
  });

  router.get('/campaigns/:campaignId', async (req, res) => {
    const campaign = await campaignOr404(req);
    const card = await campaigns.scorecard(campaign, lawDateParam(req) ?? todayUtc());
    sendTable(req, res, { columns: SCORECARD_COLUMNS(campaign.id), rows: card.rows, filename: `${campaign.id}-scorecard`, json: card });
  });

  router.post('/campaigns/:campaignId/revisions', ctx.guard(campaignerWrite), requireContentType(), ctx.json, async (req, res) => {
    const id = providerIdParam(String(req.params.campaignId));
    const { campaign, revision } = await fromService(() => campaigns.revise(id, req.body, writer(res)));
    res.locals.auditResource = campaignLocation(id);
    res.status(201).location(campaignLocation(id)).json({ revision, campaign });
  });

  router.get('/campaigns/:campaignId/feed.atom', async (req, res) => {
    const campaign = await campaignOr404(req);
    const today = todayUtc();
    const entries = campaignEntries(campaign, await campaigns.askChanges(campaign), today, baseUrl(req));
    const xml = renderAtom({
      id: `${TAG_BASE}campaigns/${campaign.id}`,
      title: `${campaign.title} (retention-atlas campaign)`,
      self: `${baseUrl(req)}${campaignLocation(campaign.id)}/feed.atom`,
      alternate: `${baseUrl(req)}/campaigns/${campaign.id}`,
      updated: entries[0]?.updated ?? campaign.createdAt,
      author: campaign.organisation,
      entries,
    });
    res.type('application/atom+xml; charset=utf-8').send(xml);
  });

  return router;
}
