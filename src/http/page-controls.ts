import type { Request } from 'express';
import { todayUtc } from '../law/in-force.js';
import type { Basis } from '../service/observed-exposure.js';
import type { ThreatModel } from '../service/ranking.js';
import type { AppContext } from './context.js';
import { badRequest } from './http-error.js';
import { orderParam, positiveIntParam } from './params.js';
import { lawDateParam, threatModelParam } from './threat-model-param.js';
import { basisParam } from './routes/observed-exposure.js';

/** At most this many rows on one page of any HTML list. */
export const PAGE_ROWS = 100;

/**
 * What a page's controls ask for, with the API's parameter names: `lawDate`, `basis`,
 * `jurisdiction` and `category` (comma lists), `order`, and `limit`/`offset` for lists.
 * A form submits every field, so an empty value means "not chosen" here (the API would
 * refuse it). For wide tables, no `jurisdiction` at all means the page's default columns
 * and an empty one (`?jurisdiction=`) means every jurisdiction.
 */
export interface PageControls {
  lawDate: string;
  /** Whether the page was asked for a law date (links then keep it). */
  lawDateGiven: boolean;
  basis: Basis;
  basisGiven: boolean;
  model: ThreatModel;
  /** `default`: no jurisdiction parameter; `all`: an empty one; `chosen`: a list. */
  jurisdictionChoice: 'default' | 'all' | 'chosen';
  order: 'worst-case' | 'established';
  orderGiven: boolean;
  limit: number;
  offset: number;
}

const given = (value: unknown) => value !== undefined && value !== '' && !(Array.isArray(value) && value.every((v) => v === ''));

/** The page controls of a request; unknown values answer 400 as the API does. */
export function pageControls(req: Request, ctx: Pick<AppContext, 'policy' | 'categories'>): PageControls {
  const q = req.query;
  // Empty form fields are "not chosen": drop them before the API's parsers see them.
  const cleaned = { ...q } as Record<string, unknown>;
  for (const key of ['lawDate', 'basis', 'order', 'limit', 'offset']) if (!given(cleaned[key])) delete cleaned[key];
  const view = { query: cleaned } as unknown as Request;
  const model = threatModelParam(view, ctx);
  const limit = cleaned.limit === undefined ? PAGE_ROWS : positiveIntParam('limit', cleaned.limit);
  if (limit > PAGE_ROWS) throw badRequest(`limit must be at most ${PAGE_ROWS} on a page.`, { errors: [{ pointer: '', parameter: 'limit', keyword: 'maximum', message: `must be at most ${PAGE_ROWS}` }] });
  const offset = cleaned.offset === undefined || cleaned.offset === '0' ? 0 : positiveIntParam('offset', cleaned.offset);
  return {
    lawDate: lawDateParam(view) ?? todayUtc(),
    lawDateGiven: cleaned.lawDate !== undefined,
    basis: basisParam(cleaned.basis),
    basisGiven: cleaned.basis !== undefined,
    model,
    jurisdictionChoice: q.jurisdiction === undefined ? 'default' : model.jurisdictions.length === 0 ? 'all' : 'chosen',
    order: orderParam(cleaned.order),
    orderGiven: cleaned.order !== undefined,
    limit,
    offset,
  };
}

/**
 * The query string that asks for the same view (with changes): what pagination, the
 * other-basis link and the data links carry. Lists are written as comma lists, the API's
 * form (`jurisdiction=US,LU,CN`).
 */
export function controlsQuery(c: PageControls, change: Partial<Record<'lawDate' | 'basis' | 'jurisdiction' | 'category' | 'order' | 'offset' | 'limit', string | undefined>> = {}, extra: [string, string][] = []): string {
  const params = new URLSearchParams(extra);
  const set = (key: keyof typeof change, value: string | undefined) => {
    const v = key in change ? change[key] : value;
    if (v !== undefined) params.set(key, v);
  };
  set('jurisdiction', c.jurisdictionChoice === 'default' ? undefined : c.model.jurisdictions.join(','));
  set('category', c.model.categories.length ? c.model.categories.join(',') : undefined);
  set('lawDate', c.lawDateGiven ? c.lawDate : undefined);
  set('basis', c.basisGiven ? c.basis : undefined);
  set('order', c.orderGiven ? c.order : undefined);
  set('limit', c.limit !== PAGE_ROWS ? String(c.limit) : undefined);
  set('offset', c.offset > 0 ? String(c.offset) : undefined);
  return params.toString().replace(/%2C/g, ',');
}
