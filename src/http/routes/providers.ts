import { Router } from 'express';
import type { AppContext } from '../context.js';
import { notFound } from '../http-error.js';
import { requireContentType } from '../json-body.js';
import { pageParams, positiveIntParam, providerIdParam } from '../params.js';
import { providerDetail, providerSummary, versionLocation, latestOr404, fullLatestOr404 } from '../provider-view.js';
import { sendTable } from '../csv-response.js';
import { dryRun } from './dry-run.js';
import { undeclaredSummary } from '../undeclared-view.js';
import { onDraftThread } from '../draft-thread/draft-route.js';
import { prepareOnThread } from '../draft-thread/prepare-write.js';

/** Providers and their immutable declaration versions. */
export function providersRouter(ctx: AppContext): Router {
  const router = Router();
  const { atlas } = ctx;


  router.get('/providers', (req, res) => {
    const { limit, offset } = pageParams(req.query);
    const all = atlas.allLatest();
    const items = all.slice(offset, offset + limit).map(providerSummary);
    sendTable(req, res, {
      columns: (['providerId', 'name', 'latestVersion', 'submittedAt', 'asOf', 'grade', 'exposureScore', 'disclosureScore', 'categoriesCollected', 'modelVersion', 'hash'] as const).map(
        (key) => ({ header: key, value: (row: (typeof items)[number]) => row[key] }),
      ),
      rows: items,
      filename: 'providers',
      json: { total: all.length, limit, offset, items, notDeclaredByProvider: ctx.observations.undeclared().map((u) => undeclaredSummary(ctx, u)) },
    });
  });

  router.get('/providers/:providerId', async (req, res) => {
    const undeclared = ctx.observations.undeclared().find((u) => u.providerId === req.params.providerId);
    if (undeclared && !atlas.latestOf(undeclared.providerId)) return void res.json(undeclaredSummary(ctx, undeclared));
    res.json(providerDetail(await fullLatestOr404(atlas, req.params.providerId)));
  });

  // A dry run stores nothing, so it needs no write key (the anonymous rate limit applies, as to any read).
  const dryRunOnly: import('express').RequestHandler = (req, _res, next) => (req.query.dryRun === 'true' ? next() : next('route'));
  router.post('/providers/:providerId/declarations', dryRunOnly, requireContentType(), ctx.json, dryRun(ctx));

  router.post(
    '/providers/:providerId/declarations',
    ctx.guardWrite,
    ctx.versionQuota,
    requireContentType(),
    ctx.json,
    dryRun(ctx),
    async (req, res) => {
      const providerId = providerIdParam(String(req.params.providerId));
      const body = req.rawBody ?? JSON.stringify(req.body);
      // A large submission is checked and analysed on a draft thread against the latest version;
      // the write uses that analysis if no other write landed in between (else it makes its own).
      const prepared = onDraftThread(ctx.drafts, req.rawBody) ? await prepareOnThread(ctx, providerId, body) : undefined;
      const written = await atlas.submit(providerId, req.body, body, res.locals.keyId, prepared);
      const location = versionLocation(providerId, written.version);
      // The same bytes as the latest version add nothing: 200 with that version, `created: false`.
      res
        .status(written.created ? 201 : 200)
        .location(location)
        .json({ providerId, version: written.version, created: written.created, submittedAt: written.submittedAt, hash: written.hash, location });
    },
  );

  router.get('/providers/:providerId/declarations', async (req, res) => {
    const latest = latestOr404(atlas, req.params.providerId);
    const history = await atlas.history(latest.meta.providerId);
    res.json({
      providerId: latest.meta.providerId,
      versions: history.map(({ version, submittedAt, hash }) => ({ version, submittedAt, hash })),
    });
  });

  router.get('/providers/:providerId/declarations/:version', async (req, res) => {
    const providerId = providerIdParam(String(req.params.providerId));
    const version = positiveIntParam('version', req.params.version);
    const record = await atlas.record(providerId, version);
    if (!record) throw notFound(`No version ${version} of provider "${providerId}".`);
    // The body exactly as submitted, byte for byte; the hash lets a reader verify that.
    res.set('ETag', `"${record.hash}"`).set('Last-Modified', new Date(record.submittedAt).toUTCString());
    res.type('application/json').send(Buffer.from(record.body, 'utf8'));
  });

  return router;
}
