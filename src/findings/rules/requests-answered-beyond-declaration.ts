import { countRange } from '../../formats/semantic-rules.js';
import type { Count, Declaration, GovernmentRequest } from '../../formats/types.generated.js';
import { categoriesNotKept, notKeptWording } from '../category-state.js';
import type { CheckResult, FindingContext, Rule, Segment } from '../rule.js';

const positive = (c: Count | undefined) => c !== undefined && countRange(c).min > 0;
const disclosedSomething = (r: GovernmentRequest) =>
  positive(r.outcomes?.contentDisclosed) || positive(r.outcomes?.nonContentOnly) || (r.percentDisclosed ?? 0) > 0;

const periodOf = (r: GovernmentRequest) => `${r.country} ${r.process} ${r.period.start}–${r.period.end}`;

/**
 * Whether a row's content may have come from live interception rather than storage: a
 * wiretap order is answered live, and so may any request once the provider says it can
 * intercept live. Content that is "not kept" (retention none) is then no contradiction;
 * content "not collected" still is.
 */
const answeredLive = (declaration: Declaration, row: GovernmentRequest) =>
  row.process === 'wiretap-order' || declaration.legalProcess?.liveInterception === 'supported';

function check({ declaration, contentCategories }: FindingContext): CheckResult[] {
  const notKept = categoriesNotKept(declaration);
  const notCollected = new Map([...notKept].filter(([, i]) => declaration.dataCategories[i].collected === 'no'));
  const results: CheckResult[] = [];
  (declaration.governmentRequests ?? []).forEach((row, i) => {
    const unavailable = answeredLive(declaration, row) ? notCollected : notKept;
    // Content handed over although every content category the declaration names is not collected or not kept.
    const contentHeld = declaration.dataCategories.some((c) => contentCategories.has(c.category) && !unavailable.has(c.category));
    const contentDenied = [...unavailable].filter(([id]) => contentCategories.has(id));
    if (positive(row.outcomes?.contentDisclosed) && !contentHeld && contentDenied.length > 0) {
      results.push({
        message: `requests (${periodOf(row)}) were answered with content, but the declaration says ${contentDenied.map(([id, k]) => `${id} is ${notKeptWording(declaration, k)}`).join(', ')}`,
        paths: [['governmentRequests', i, 'outcomes', 'contentDisclosed'], ...contentDenied.map(([, k]): Segment[] => ['dataCategories', k])],
      });
    }
    // Data was produced, yet every category requested is one the declaration says it does not have.
    const requested = row.categoriesRequested ?? [];
    if (requested.length > 0 && disclosedSomething(row) && requested.every((c) => unavailable.has(c))) {
      results.push({
        message: `requests (${periodOf(row)}) for ${requested.join(', ')} were answered with data, but the declaration says ${requested.map((c) => `${c} is ${notKeptWording(declaration, unavailable.get(c)!)}`).join(', ')}`,
        paths: [
          ...requested.map((_, j): Segment[] => ['governmentRequests', i, 'categoriesRequested', j]),
          ...requested.map((c): Segment[] => ['dataCategories', unavailable.get(c)!]),
        ],
      });
    }
  });
  return results;
}

export const requestsAnsweredBeyondDeclaration: Rule = {
  id: 'requests-answered-beyond-declaration',
  severity: 'error',
  description:
    'Government requests were answered with content, or with data of categories, that the declaration says are not collected or not kept (data not kept can still be intercepted live: for wiretap orders, or when live interception is supported, only "not collected" contradicts).',
  check,
};
