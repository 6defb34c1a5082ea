import { Router } from 'express';
import type { CellBounds, ComparedCell } from '../../service/compare.js';
import { compareQuery } from '../compare-query.js';
import type { AppContext } from '../context.js';
import { sendTable } from '../csv-response.js';

type CsvRow = { providerId: string; cell: ComparedCell; bounds: CellBounds };

/** `GET /v1/compare?providers=a,b[,…]`: providers side by side, as JSON or (`?format=csv`, `Accept: text/csv`) one row per provider and cell. */
export function compareRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/compare', async (req, res) => {
    const { comparison, model, lawDate, basis, modelVersion } = await compareQuery(req, ctx);
    const rows: CsvRow[] = comparison.cells.flatMap((cell) =>
      comparison.providers.filter((p) => cell.providers[p.providerId]).map((p) => ({ providerId: p.providerId, cell, bounds: cell.providers[p.providerId] })),
    );
    sendTable(req, res, {
      columns: [
        { header: 'providerId', value: (r: CsvRow) => r.providerId },
        { header: 'category', value: (r: CsvRow) => r.cell.category },
        { header: 'jurisdiction', value: (r: CsvRow) => r.cell.jurisdiction },
        { header: 'established', value: (r: CsvRow) => r.bounds.established },
        { header: 'worstCase', value: (r: CsvRow) => r.bounds.worstCase },
        { header: 'score', value: (r: CsvRow) => r.bounds.score },
        { header: 'grade', value: (r: CsvRow) => r.bounds.grade },
      ],
      rows,
      filename: `compare-${comparison.providers.map((p) => p.providerId).join('-')}`,
      json: { modelVersion, lawDate, basis, threatModel: model, ...comparison },
    });
  });
  return router;
}
