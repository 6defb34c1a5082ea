import { badRequest } from './http-error.js';
import { PROVIDER_ID as SLUG } from '../formats/provider-id.js';
import { DETAIL_LEVELS, detailLevel, type DetailLevel } from '../service/answer-detail.js';


export function providerIdParam(value: string): string {
  if (!SLUG.test(value)) throw badRequest(`"${value}" is not a provider id (lower-case letters, digits and hyphens, 2–63 characters).`, { errors: [{ pointer: '', message: 'must match ^[a-z0-9][a-z0-9-]{1,62}$', keyword: 'pattern', parameter: 'providerId' }] });
  return value;
}

/** One plain query value: `?x=1&x=2`, `?x[]=1` and `?x[a]=1` parse to arrays or objects, which a scalar parameter refuses. */
function scalar(name: string, value: unknown): string {
  if (typeof value !== 'string') throw badRequest(`${name} must be given once, as a single value.`);
  return value;
}

export function positiveIntParam(name: string, value: unknown, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const text = scalar(name, value);
  if (!/^[1-9][0-9]{0,8}$/.test(text)) throw badRequest(`${name} must be a positive integer, got "${text}".`);
  return Number(text);
}

export interface Page {
  limit: number;
  offset: number;
}

export function pageParams(query: Record<string, unknown>, defaultLimit = 50, maxLimit = 500): Page {
  const limit = query.limit === undefined ? defaultLimit : positiveIntParam('limit', query.limit);
  if (limit > maxLimit) throw badRequest(`limit must be at most ${maxLimit}.`);
  const offset = query.offset === undefined || query.offset === '0' ? 0 : positiveIntParam('offset', query.offset);
  return { limit, offset };
}

/** Repeatable or comma-separated query values: `?j=CN&j=US` and `?j=CN,US` both give ['CN','US']. */
export function listParam(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter((v) => v.length > 0);
}

/** `?order=worst-case|established` for rankings. */
export function orderParam(value: unknown): 'worst-case' | 'established' {
  if (value === undefined) return 'worst-case';
  const text = scalar('order', value);
  if (text !== 'worst-case' && text !== 'established') throw badRequest(`order must be worst-case or established, got "${text}".`);
  return text;
}

/** `?explain=summary|facts|full` (`compact` is `facts`): how much of each exposure cell the answer carries; `summary` by default. */
export function explainParam(value: unknown): DetailLevel {
  if (value === undefined) return 'summary';
  const text = scalar('explain', value);
  const level = detailLevel(text);
  if (level === undefined) throw badRequest(`explain must be one of ${DETAIL_LEVELS.join(', ')}, got "${text}".`);
  return level;
}
