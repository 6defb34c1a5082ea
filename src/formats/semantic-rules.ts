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

/**
 * Where a rule puts its issues: it keeps those `keep` accepts, and says when it holds more
 * than `limit`, so a rule can stop at the next row — every issue it would still find lies in a
 * later row, after the ones it has. A hostile document of 20 000 bad rows then costs a few
 * rows' work past the cap, not 20 000 issues built, sorted and thrown away.
 */
export class IssueSink {
  readonly issues: ValidationIssue[] = [];
  constructor(
    private readonly limit = Number.POSITIVE_INFINITY,
    private readonly keep: (issue: ValidationIssue) => boolean = () => true,
  ) {}

  push(issue: ValidationIssue): void {
    if (this.keep(issue)) this.issues.push(issue);
  }

  get full(): boolean {
    return this.issues.length > this.limit;
  }
}

type Segments = (string | number)[];

function bandOrder(count: Count | undefined, at: () => string, sink: IssueSink): void {
  if (count === undefined || typeof count === 'number' || count.min <= count.max) return;
  sink.push({ pointer: at(), keyword: 'bandOrder', message: `band minimum ${count.min} exceeds its maximum ${count.max}` });
}

function duplicates<T>(items: T[] | undefined, key: (item: T) => string, at: (i: number) => string, what: string, sink: IssueSink): void {
  const first = new Map<string, number>();
  const list = items ?? [];
  for (let i = 0; i < list.length && !sink.full; i++) {
    const k = key(list[i]);
    const earlier = first.get(k);
    if (earlier === undefined) first.set(k, i);
    else sink.push({ pointer: at(i), keyword: 'uniqueId', message: `duplicate ${what} "${k}" (first at index ${earlier})` });
  }
}

function categoriesNotCollected(decl: Declaration): Set<string> {
  return new Set((decl.dataCategories ?? []).filter((c) => c.collected === 'no').map((c) => c.category));
}

/** Categories a list names although the declaration says they are not collected; one rule per list, each in its own order. */
function contradictionsIn<T extends { categories?: string[] }>(list: (decl: Declaration) => T[] | undefined, base: Segments, who: (item: T) => string) {
  return (decl: Declaration, sink: IssueSink) => {
    const items = list(decl) ?? [];
    if (items.length === 0) return;
    const notCollected = categoriesNotCollected(decl);
    if (notCollected.size === 0) return;
    for (let i = 0; i < items.length && !sink.full; i++)
      (items[i].categories ?? []).forEach((c, j) => {
        if (notCollected.has(c))
          sink.push({ pointer: pointer(...base, i, 'categories', j), keyword: 'contradiction', message: `${who(items[i])} names "${c}", which the declaration says is not collected` });
      });
  };
}

function requestFigures(decl: Declaration, sink: IssueSink): void {
  const rows = decl.governmentRequests ?? [];
  for (let i = 0; i < rows.length && !sink.full; i++) {
    const row = rows[i];
    // Pointers are built only for an issue: most rows have none.
    const at = (...rest: Segments) => () => pointer('governmentRequests', i, ...rest);
    if (row.period.start > row.period.end)
      sink.push({ pointer: at('period')(), keyword: 'periodOrder', message: `period starts (${row.period.start}) after it ends (${row.period.end})` });
    bandOrder(row.requests, at('requests'), sink);
    bandOrder(row.accounts, at('accounts'), sink);
    // A request count the schema rejected gives nothing to compare against.
    if (!isCount(row.requests)) continue;
    const requests = countRange(row.requests);
    let outcomeMin = 0;
    if (row.outcomes !== undefined)
      for (const k of Object.keys(row.outcomes)) {
        const c = (row.outcomes as Record<string, Count>)[k];
        bandOrder(c, at('outcomes', k), sink);
        // Outcomes partition the requests: even their smallest possible sum may not exceed the largest possible request count.
        outcomeMin += countRange(c).min;
      }
    if (outcomeMin > requests.max)
      sink.push({ pointer: at('outcomes')(), keyword: 'outcomesExceedRequests', message: `outcomes add up to ${outcomeMin}, more than the ${requests.max} requests` });
    // A stated percentage must be one the outcome counts allow: a document may not contradict itself.
    if (row.percentDisclosed !== undefined && outcomeMin <= requests.max && (typeof row.requests === 'number' || Object.keys(row.requests).length === 2)) {
      const share = outcomeShareBounds(row);
      const pct = row.percentDisclosed / 100;
      if (pct < share.lo - PERCENT_ROUNDING - 1e-9 || pct > share.hi + PERCENT_ROUNDING + 1e-9)
        sink.push({ pointer: at('percentDisclosed')(), keyword: 'percentContradictsOutcomes', message: `${row.percentDisclosed}% contradicts the outcome counts, which put the share where data was produced between ${Math.round(share.lo * 1000) / 10}% and ${Math.round(share.hi * 1000) / 10}%` });
    }
    const bases = row.rejectionBases;
    if (bases === undefined) continue;
    let rejectedMin = 0;
    bases.forEach((b, j) => {
      bandOrder(b.count, at('rejectionBases', j, 'count'), sink);
      rejectedMin += countRange(b.count).min;
    });
    if (rejectedMin > requests.max)
      sink.push({ pointer: at('rejectionBases')(), keyword: 'outcomesExceedRequests', message: `rejection bases add up to ${rejectedMin}, more than the ${requests.max} requests` });
  }
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
function partsWithinAll(decl: Declaration, sink: IssueSink): void {
  const rows = decl.governmentRequests ?? [];
  const all = new Map<string, number>();
  const key = (r: GovernmentRequest) => `${r.country}/${r.period.start}/${r.period.end}`;
  rows.forEach((r, i) => {
    if (r.process === 'all' && isCount(r.requests) && !all.has(key(r))) all.set(key(r), i);
  });
  if (all.size === 0) return;
  for (let i = 0; i < rows.length && !sink.full; i++) {
    const r = rows[i];
    const k = all.get(key(r));
    if (k === undefined || r.process === 'all' || r.process === 'preservation-request' || !isCount(r.requests)) continue;
    const total = rows[k];
    const part = countRange(r.requests);
    const whole = countRange(total.requests);
    if (part.min > whole.max) {
      sink.push({ pointer: pointer('governmentRequests', i, 'requests'), keyword: 'partExceedsAll', message: `${part.min} ${r.process} requests are more than the ${whole.max} of the "all" row for ${r.country} in the same period (/governmentRequests/${k})` });
      continue;
    }
    const disclosed = disclosedBounds(r).min;
    const allDisclosed = disclosedBounds(total).max;
    if (disclosed > allDisclosed)
      sink.push({ pointer: pointer('governmentRequests', i), keyword: 'partExceedsAll', message: `${disclosed} ${r.process} requests with data produced are more than the ${allDisclosed} of the "all" row for ${r.country} in the same period (/governmentRequests/${k})` });
  }
}

/** `provider.id` must equal the `{providerId}` the document is submitted under. */
export function providerMismatch(bodyId: unknown, expectedProviderId: string | undefined): ValidationIssue[] {
  if (expectedProviderId === undefined || typeof bodyId !== 'string' || bodyId === expectedProviderId) return [];
  return [{ pointer: '/provider/id', keyword: 'providerMismatch', message: `must equal the provider in the path ("${expectedProviderId}")` }];
}

/** Each rule walks its list in order and stops at a row once its sink is full (see IssueSink). */
const RULES: ((decl: Declaration, sink: IssueSink) => void)[] = [
  (d, sink) => duplicates(d.dataCategories, (c) => c.category, (i) => pointer('dataCategories', i, 'category'), 'category', sink),
  (d, sink) => duplicates(d.thirdParties, (t) => t.id, (i) => pointer('thirdParties', i, 'id'), 'third-party id', sink),
  (d, sink) => duplicates(d.legalProcess?.interceptionStatutes, (s) => `${s.statute}@${s.jurisdiction}`, (i) => pointer('legalProcess', 'interceptionStatutes', i), 'statute', sink),
  contradictionsIn((d) => d.thirdParties, ['thirdParties'], (tp) => `third party "${tp.id}"`),
  contradictionsIn((d) => d.legalProcess?.policies, ['legalProcess', 'policies'], (p) => `policy for ${p.process}`),
  requestFigures,
  partsWithinAll,
];

/**
 * The rules of the format that JSON Schema cannot express, on a document that passed
 * the schema. Each rule stops once it has more than `limit` issues (at the end of a row).
 */
export function semanticIssues(decl: Declaration, expectedProviderId?: string, limit = Number.POSITIVE_INFINITY): ValidationIssue[] {
  const issues = providerMismatch(decl.provider.id, expectedProviderId);
  for (const rule of RULES) {
    const sink = new IssueSink(limit);
    rule(decl, sink);
    issues.push(...sink.issues);
  }
  return issues;
}

/**
 * The same rules on a document that failed the schema, so one answer still lists every
 * problem: a rule that trips over a malformed part is skipped, and issues inside a
 * value the schema already rejected are left to the schema's message.
 */
export function semanticIssuesOfInvalid(doc: unknown, expectedProviderId: string | undefined, schemaPointers: string[], limit = Number.POSITIVE_INFINITY): ValidationIssue[] {
  const decl = doc as Declaration;
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
  const issues = providerMismatch((doc as { provider?: { id?: unknown } } | null)?.provider?.id, expectedProviderId);
  for (const rule of RULES) {
    // Only what the schema has not already said counts towards a rule's limit.
    const sink = new IssueSink(limit, (issue) => !covered(issue.pointer));
    try {
      rule(decl, sink);
      issues.push(...sink.issues);
    } catch {
      // The part this rule reads is malformed; the schema errors already say so.
    }
  }
  return issues;
}
