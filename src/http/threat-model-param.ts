import type { Request } from 'express';
import type { ThreatModel } from '../service/ranking.js';
import type { AppContext } from './context.js';
import { badRequest } from './http-error.js';
import { listParam } from './params.js';

/** `?jurisdiction=` and `?category=` (repeatable or comma-separated), checked against the known values: 400 for any unknown one. */
export function threatModelParam(req: Request, ctx: Pick<AppContext, 'policy' | 'categories'>): ThreatModel {
  const jurisdictions = listParam(req.query.jurisdiction).map((j) => j.toUpperCase());
  const categories = listParam(req.query.category);
  const knownJ = new Set<string>(ctx.policy.jurisdictions.map((p) => p.code));
  const knownC = new Set<string>(ctx.categories.map((c) => c.id));
  const unknownJ = jurisdictions.filter((j) => !knownJ.has(j));
  const unknownC = categories.filter((c) => !knownC.has(c));
  const errors = [
    ...unknownJ.map((j) => ({ pointer: '', parameter: 'jurisdiction', keyword: 'enum', message: `no jurisdiction profile for "${j}"` })),
    ...unknownC.map((c) => ({ pointer: '', parameter: 'category', keyword: 'enum', message: `unknown category "${c}"` })),
  ];
  if (unknownJ.length > 0) throw badRequest(`No jurisdiction profile for ${unknownJ.join(', ')}. Known: ${[...knownJ].join(', ')}.`, { errors });
  if (unknownC.length > 0) throw badRequest(`Unknown category ${unknownC.join(', ')}. Known: ${[...knownC].join(', ')}.`, { errors });
  return { jurisdictions, categories };
}

/** `?lawDate=YYYY-MM-DD` (a real date), or undefined for today. */
export function lawDateParam(req: Request): string | undefined {
  const value = req.query.lawDate;
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw badRequest(`lawDate must be a date, YYYY-MM-DD, got "${String(value)}".`, { errors: [{ pointer: '', parameter: 'lawDate', keyword: 'format', message: 'must be a real calendar date, YYYY-MM-DD' }] });
  }
  return value;
}
