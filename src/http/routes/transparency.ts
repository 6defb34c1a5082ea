import { Router, type Request, type RequestHandler } from 'express';
import type { GovernmentRequest } from '../../formats/types.generated.js';
import { aggregateRequests } from '../../transparency/aggregate-requests.js';
import { checkGovernmentRequests, duplicateRows } from '../../transparency/check-requests.js';
import { ImportError } from '../../transparency/import-error.js';
import type { SkippedRow } from '../../transparency/parse-requests-csv.js';
import { REQUEST_COLUMNS } from '../../transparency/request-columns.js';
import { importRequests } from '../../service/import-requests.js';
import { prepareIfLarge } from '../draft-thread/prepare-write.js';
import { TransparencyRows } from '../../service/transparency-rows.js';
import type { AppContext } from '../context.js';
import { MAX_SKIPPED_LISTED } from '../csv-thread/csv-figures.js';
import { csvThread } from '../csv-thread/csv-thread.js';
import { streamCsvUpload } from '../csv-thread/stream-upload.js';
import { sendTable } from '../csv-response.js';
import { HttpError, badRequest, invalidDocument, notFound } from '../http-error.js';
import { JSON_TYPES, requireContentType } from '../json-body.js';
import { listParam, pageParams, providerIdParam } from '../params.js';
import { versionLocation } from '../provider-view.js';

const CSV_TYPES = ['text/csv', 'application/csv'];
/** A full Google export is a few megabytes; CSV uploads get their own, larger limit (16 MiB). */
const CSV_LIMIT = 16 * 1024 * 1024;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface ImportedFigures {
  rows: GovernmentRequest[];
  /** The first MAX_SKIPPED_LISTED skipped lines. */
  skipped: SkippedRow[];
  skippedTotal: number;
  layout: string;
  encoding?: string;
}

function dateParam(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  // Date.parse accepts 2019-02-30 (it rolls over); a round trip does not.
  const valid = DATE.test(text) && !Number.isNaN(Date.parse(text)) && new Date(text).toISOString().slice(0, 10) === text;
  if (!valid) throw badRequest(`${name} must be a date (YYYY-MM-DD), got "${text}".`);
  return text;
}

/** The body streams to the CSV thread, which decodes and reads it: a 16 MB upload never holds the event loop. */
async function fromCsv(req: Request): Promise<ImportedFigures> {
  const charset = /charset=([^;]+)/i.exec(req.get('content-type') ?? '')?.[1]?.replace(/"/g, '');
  try {
    return await streamCsvUpload(req, CSV_LIMIT, csvThread(), charset);
  } catch (error) {
    if (error instanceof ImportError) throw new HttpError(422, error.title, error.detail, error.extensions);
    throw error;
  }
}

function fromJson(body: unknown, ctx: AppContext): ImportedFigures {
  if (!Array.isArray(body)) throw invalidDocument([{ pointer: '', keyword: 'type', message: 'must be an array of governmentRequests rows' }]);
  const invalid = checkGovernmentRequests(ctx.atlas.registry, body);
  const errors = invalid.length > 0 ? invalid : duplicateRows(body as GovernmentRequest[]);
  if (errors.length > 0) throw invalidDocument(errors, 'Some rows do not satisfy the governmentRequests format; nothing was imported.');
  return { rows: body as GovernmentRequest[], skipped: [], skippedTotal: 0, layout: 'json' };
}

/** Government-request figures: import into a new declaration version, and totals across providers. */
export function transparencyRouter(ctx: AppContext): Router {
  const router = Router();
  const { atlas } = ctx;
  // A CSV body is read by the handler itself, streamed to the CSV thread; JSON is parsed here.
  const body: RequestHandler = (req, res, next) => (req.is(CSV_TYPES) ? next() : ctx.json(req, res, next));

  router.post(
    '/providers/:providerId/transparency',
    ctx.guardWrite,
    ctx.versionQuota,
    requireContentType([...CSV_TYPES, ...JSON_TYPES]),
    body,
    async (req, res) => {
      const providerId = providerIdParam(String(req.params.providerId));
      const figures = req.is(CSV_TYPES) ? await fromCsv(req) : fromJson(req.body, ctx);
      const outcome = await importRequests(atlas, providerId, figures.rows, res.locals.keyId, prepareIfLarge(ctx, providerId));
      const location = versionLocation(providerId, outcome.version);
      if (outcome.created) res.status(201).location(location);
      res.json({
        providerId,
        version: outcome.version,
        created: outcome.created,
        location,
        layout: figures.layout,
        ...(figures.encoding ? { encoding: figures.encoding } : {}),
        imported: figures.rows.length,
        added: outcome.added,
        replaced: outcome.replaced,
        unchanged: outcome.unchanged,
        // The first lines only: a file of 200,000 bad lines must not buy a 10 MB answer.
        skipped: figures.skipped.slice(0, MAX_SKIPPED_LISTED),
        skippedTotal: figures.skippedTotal,
      });
    },
  );

  // Every provider's request rows, kept current with the read model (a write re-reads its provider only).
  const requestRows = new TransparencyRows(atlas);

  router.get('/transparency', async (req, res) => {
    const { limit, offset } = pageParams(req.query, 1000, 20000);
    const filter = {
      providers: listParam(req.query.provider),
      countries: listParam(req.query.country).map((c) => c.toUpperCase()),
      processes: listParam(req.query.process),
      periods: listParam(req.query.period).map((p) => dateParam('period', p)!),
      from: dateParam('from', req.query.from),
      to: dateParam('to', req.query.to),
    };
    const { totals, byCountry, rows } = aggregateRequests(await requestRows.all(), filter);
    const page = rows.slice(offset, offset + limit);
    sendTable(req, res, {
      columns: REQUEST_COLUMNS,
      rows: page,
      json: { totals, byCountry, total: rows.length, limit, offset, rows: page },
      filename: 'transparency',
    });
  });

  return router;
}
