import type { Count, Declaration } from './types.generated.js';
import { pointer } from './json-pointer.js';
import type { ValidationIssue } from './validation-error.js';

/** Lower and upper bound of a count, whether exact or banded. */
export function countRange(count: Count): { min: number; max: number } {
  return typeof count === 'number' ? { min: count, max: count } : { min: count.min, max: count.max };
}

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
  return new Set(decl.dataCategories.filter((c) => c.collected === 'no').map((c) => c.category));
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
    const requests = countRange(row.requests);
    const outcomes = Object.entries(row.outcomes ?? {}) as [string, Count][];
    outcomes.forEach(([k, c]) => issues.push(...bandOrder(c, pointer(...base, 'outcomes', k))));
    // Outcomes partition the requests: even their smallest possible sum may not exceed the largest possible request count.
    const outcomeMin = outcomes.reduce((sum, [, c]) => sum + countRange(c).min, 0);
    if (outcomeMin > requests.max)
      issues.push({ pointer: pointer(...base, 'outcomes'), keyword: 'outcomesExceedRequests', message: `outcomes add up to ${outcomeMin}, more than the ${requests.max} requests` });
    const bases = row.rejectionBases ?? [];
    bases.forEach((b, j) => issues.push(...bandOrder(b.count, pointer(...base, 'rejectionBases', j, 'count'))));
    const rejectedMin = bases.reduce((sum, b) => sum + countRange(b.count).min, 0);
    if (rejectedMin > requests.max)
      issues.push({ pointer: pointer(...base, 'rejectionBases'), keyword: 'outcomesExceedRequests', message: `rejection bases add up to ${rejectedMin}, more than the ${requests.max} requests` });
  });
  return issues;
}

/**
 * The rules of the format that JSON Schema cannot express. Runs only on documents that
 * already passed the schema, so it may rely on their shape.
 */
export function semanticIssues(decl: Declaration, expectedProviderId?: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (expectedProviderId !== undefined && decl.provider.id !== expectedProviderId)
    issues.push({ pointer: '/provider/id', keyword: 'providerMismatch', message: `must equal the provider in the path ("${expectedProviderId}")` });
  issues.push(
    ...duplicates(decl.dataCategories, (c) => c.category, (i) => pointer('dataCategories', i, 'category'), 'category'),
    ...duplicates(decl.thirdParties, (t) => t.id, (i) => pointer('thirdParties', i, 'id'), 'third-party id'),
    ...duplicates(decl.legalProcess?.interceptionStatutes, (s) => `${s.statute}@${s.jurisdiction}`, (i) => pointer('legalProcess', 'interceptionStatutes', i), 'statute'),
    ...contradictions(decl),
    ...requestFigures(decl),
  );
  return issues;
}
