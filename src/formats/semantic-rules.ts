import { countRange } from './count-range.js';
import { outcomeShareBounds, PERCENT_ROUNDING } from './request-share.js';
import type { Count, Declaration, GovernmentRequest } from './types.generated.js';
import { pointer } from './json-pointer.js';
import type { ValidationIssue } from './validation-error.js';

/** Lower and upper bound of a count, whether exact or banded. */
export { countRange } from './count-range.js';

const isNonNegativeInteger = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
const isCount = (c: unknown): c is Count =>
  isNonNegativeInteger(c) || (c !== null && typeof c === 'object' && isNonNegativeInteger((c as { min?: unknown }).min) && isNonNegativeInteger((c as { max?: unknown }).max));

function bandOrder(count: Count | undefined, at: string): ValidationIssue[] {
  if (count === undefined || typeof count === 'number' || count.min <= count.max) return [];
  return [{ pointer: at, keyword: 'bandOrder', message: `band minimum ${count.min} exceeds its maximum ${count.max}` }];
}

function duplicates<T>(items: T[] | undefined, key: (item: T) => string, at: (i: number) => string, what: string): ValidationIssue[] {
  const first = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  (items ?? []).forEach((item, i) => {
    const k = key(item);
    const earlier = first.get(k);
    if (earlier === undefined) first.set(k, i);
    else issues.push({ pointer: at(i), keyword: 'uniqueId', message: `duplicate ${what} "${k}" (first at index ${earlier})` });
  });
  return issues;
}

function categoriesNotCollected(decl: Declaration): Set<string> {
  return new Set((decl.dataCategories ?? []).filter((c) => c.collected === 'no').map((c) => c.category));
}

function contradictions(decl: Declaration): ValidationIssue[] {
  const notCollected = categoriesNotCollected(decl);
  const issues: ValidationIssue[] = [];
  const check = (categories: string[] | undefined, base: (string | number)[], who: string) =>
    (categories ?? []).forEach((c, j) => {
      if (notCollected.has(c))
        issues.push({
          pointer: pointer(...base, 'categories', j),
          keyword: 'contradiction',
          message: `${who} names "${c}", which the declaration says is not collected`,
        });
    });
  (decl.thirdParties ?? []).forEach((tp, i) => check(tp.categories, ['thirdParties', i], `third party "${tp.id}"`));
  (decl.legalProcess?.policies ?? []).forEach((p, i) => check(p.categories, ['legalProcess', 'policies', i], `policy for ${p.process}`));
  return issues;
}

function requestFigures(decl: Declaration): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  (decl.governmentRequests ?? []).forEach((row, i) => {
    const base = ['governmentRequests', i] as const;
    if (row.period.start > row.period.end)
      issues.push({ pointer: pointer(...base, 'period'), keyword: 'periodOrder', message: `period starts (${row.period.start}) after it ends (${row.period.end})` });
    issues.push(...bandOrder(row.requests, pointer(...base, 'requests')), ...bandOrder(row.accounts, pointer(...base, 'accounts')));
    // A request count the schema rejected gives nothing to compare against.
    if (!isCount(row.requests)) return;
    const requests = countRange(row.requests);
    const outcomes = Object.entries(row.outcomes ?? {}) as [string, Count][];
    outcomes.forEach(([k, c]) => issues.push(...bandOrder(c, pointer(...base, 'outcomes', k))));
    // Outcomes partition the requests: even their smallest possible sum may not exceed the largest possible request count.
    const outcomeMin = outcomes.reduce((sum, [, c]) => sum + countRange(c).min, 0);
    if (outcomeMin > requests.max)
      issues.push({ pointer: pointer(...base, 'outcomes'), keyword: 'outcomesExceedRequests', message: `outcomes add up to ${outcomeMin}, more than the ${requests.max} requests` });
    // A stated percentage must be one the outcome counts allow: a document may not contradict itself.
    if (row.percentDisclosed !== undefined && outcomeMin <= requests.max && (typeof row.requests === 'number' || Object.keys(row.requests).length === 2)) {
      const share = outcomeShareBounds(row);
      const pct = row.percentDisclosed / 100;
      if (pct < share.lo - PERCENT_ROUNDING - 1e-9 || pct > share.hi + PERCENT_ROUNDING + 1e-9)
        issues.push({ pointer: pointer(...base, 'percentDisclosed'), keyword: 'percentContradictsOutcomes', message: `${row.percentDisclosed}% contradicts the outcome counts, which put the share where data was produced between ${Math.round(share.lo * 1000) / 10}% and ${Math.round(share.hi * 1000) / 10}%` });
    }
    const bases = row.rejectionBases ?? [];
    bases.forEach((b, j) => issues.push(...bandOrder(b.count, pointer(...base, 'rejectionBases', j, 'count'))));
    const rejectedMin = bases.reduce((sum, b) => sum + countRange(b.count).min, 0);
    if (rejectedMin > requests.max)
      issues.push({ pointer: pointer(...base, 'rejectionBases'), keyword: 'outcomesExceedRequests', message: `rejection bases add up to ${rejectedMin}, more than the ${requests.max} requests` });
  });
  return issues;
}

/** Requests where some data was produced, as bounds: from the outcome counts, else from a stated percentage (with its rounding), else anywhere up to the requests. */
function disclosedBounds(row: GovernmentRequest): { min: number; max: number } {
  const requests = countRange(row.requests);
  const o = row.outcomes;
  if (o?.contentDisclosed !== undefined && o.nonContentOnly !== undefined)
    return { min: countRange(o.contentDisclosed).min + countRange(o.nonContentOnly).min, max: countRange(o.contentDisclosed).max + countRange(o.nonContentOnly).max };
  if (row.percentDisclosed !== undefined) {
    const p = row.percentDisclosed / 100;
    return { min: Math.max(0, Math.ceil(requests.min * (p - PERCENT_ROUNDING) - 1e-9)), max: Math.floor(requests.max * Math.min(1, p + PERCENT_ROUNDING) + 1e-9) };
  }
  return { min: 0, max: requests.max };
}

/**
 * A process row must fit inside the `all` row of its country and period (P7): never more
 * requests, nor more requests with data produced, than the total it is part of. A report shape
 * the figures cannot have is refused rather than scored.
 */
function partsWithinAll(decl: Declaration): ValidationIssue[] {
  const rows = decl.governmentRequests ?? [];
  const all = new Map<string, number>();
  const key = (r: GovernmentRequest) => `${r.country}/${r.period.start}/${r.period.end}`;
  rows.forEach((r, i) => {
    if (r.process === 'all' && isCount(r.requests) && !all.has(key(r))) all.set(key(r), i);
  });
  const issues: ValidationIssue[] = [];
  if (all.size === 0) return issues;
  rows.forEach((r, i) => {
    const k = all.get(key(r));
    if (k === undefined || r.process === 'all' || r.process === 'preservation-request' || !isCount(r.requests)) return;
    const total = rows[k];
    const part = countRange(r.requests);
    const whole = countRange(total.requests);
    if (part.min > whole.max) {
      issues.push({ pointer: pointer('governmentRequests', i, 'requests'), keyword: 'partExceedsAll', message: `${part.min} ${r.process} requests are more than the ${whole.max} of the "all" row for ${r.country} in the same period (/governmentRequests/${k})` });
      return;
    }
    const disclosed = disclosedBounds(r).min;
    const allDisclosed = disclosedBounds(total).max;
    if (disclosed > allDisclosed)
      issues.push({ pointer: pointer('governmentRequests', i), keyword: 'partExceedsAll', message: `${disclosed} ${r.process} requests with data produced are more than the ${allDisclosed} of the "all" row for ${r.country} in the same period (/governmentRequests/${k})` });
  });
  return issues;
}

/** `provider.id` must equal the `{providerId}` the document is submitted under. */
export function providerMismatch(bodyId: unknown, expectedProviderId: string | undefined): ValidationIssue[] {
  if (expectedProviderId === undefined || typeof bodyId !== 'string' || bodyId === expectedProviderId) return [];
  return [{ pointer: '/provider/id', keyword: 'providerMismatch', message: `must equal the provider in the path ("${expectedProviderId}")` }];
}

const RULES: ((decl: Declaration) => ValidationIssue[])[] = [
  (d) => duplicates(d.dataCategories, (c) => c.category, (i) => pointer('dataCategories', i, 'category'), 'category'),
  (d) => duplicates(d.thirdParties, (t) => t.id, (i) => pointer('thirdParties', i, 'id'), 'third-party id'),
  (d) => duplicates(d.legalProcess?.interceptionStatutes, (s) => `${s.statute}@${s.jurisdiction}`, (i) => pointer('legalProcess', 'interceptionStatutes', i), 'statute'),
  contradictions,
  requestFigures,
  partsWithinAll,
];

/**
 * The rules of the format that JSON Schema cannot express, on a document that passed
 * the schema.
 */
export function semanticIssues(decl: Declaration, expectedProviderId?: string): ValidationIssue[] {
  return [...providerMismatch(decl.provider.id, expectedProviderId), ...RULES.flatMap((rule) => rule(decl))];
}

/**
 * The same rules on a document that failed the schema, so one answer still lists every
 * problem: a rule that trips over a malformed part is skipped, and issues inside a
 * value the schema already rejected are left to the schema's message.
 */
export function semanticIssuesOfInvalid(doc: unknown, expectedProviderId: string | undefined, schemaPointers: string[]): ValidationIssue[] {
  const decl = doc as Declaration;
  const issues = providerMismatch((doc as { provider?: { id?: unknown } } | null)?.provider?.id, expectedProviderId);
  for (const rule of RULES) {
    try {
      issues.push(...rule(decl));
    } catch {
      // The part this rule reads is malformed; the schema errors already say so.
    }
  }
  // A pointer is covered when a schema error is at it, above it or below it. Sets of the
  // pointers and of all their ancestors keep this linear: a hostile document can carry
  // hundreds of thousands of errors of each kind.
  const at = new Set(schemaPointers);
  const above = new Set<string>();
  for (const s of schemaPointers) for (let cut = s.lastIndexOf('/'); cut >= 0 && !above.has(s.slice(0, cut)); cut = s.lastIndexOf('/', cut - 1)) {
    above.add(s.slice(0, cut));
    if (cut === 0) break;
  }
  const covered = (p: string) => {
    if (at.has(p) || above.has(p)) return true;
    for (let cut = p.lastIndexOf('/'); cut >= 0; cut = p.lastIndexOf('/', cut - 1)) {
      if (at.has(p.slice(0, cut))) return true;
      if (cut === 0) break;
    }
    return false;
  };
  return issues.filter((i) => i.keyword === 'providerMismatch' || !covered(i.pointer));
}
