import { pointer } from '../formats/json-pointer.js';
import type { DataCategory, Declaration, Protection } from '../formats/types.generated.js';
import { requestRowKey } from '../transparency/request-row-key.js';
import type { Change } from './change.js';
import { compareValues, matchByKey, type Path } from './compare-values.js';
import { compareProtection } from './protection-order.js';
import { compareRetention } from './retention-order.js';

function compareCategory(path: Path, before: DataCategory, after: DataCategory, out: Change[]): void {
  const { retention: r0, protection: p0, ...rest0 } = before;
  const { retention: r1, protection: p1, ...rest1 } = after;
  compareValues(path, rest0, rest1, out);

  const order = compareRetention(r1, r0);
  if (order !== 0) out.push({ pointer: pointer(...path, 'retention'), kind: order > 0 ? 'retention-lengthened' : 'retention-shortened', before: r0, after: r1 });
  else compareValues([...path, 'retention'], r0, r1, out);

  for (const field of ['inTransit', 'atRest'] as (keyof Protection)[]) {
    const [a, b] = [p0?.[field], p1?.[field]];
    const rank = compareProtection(field, b, a);
    if (rank !== 0) out.push({ pointer: pointer(...path, 'protection', field), kind: rank < 0 ? 'protection-weakened' : 'protection-strengthened', before: a, after: b });
    else compareValues([...path, 'protection', field], a, b, out);
  }
}

/**
 * What changed from one version to the next, matched by meaning: categories by id, third
 * parties by id, policies by process and jurisdiction, statutes by name and jurisdiction,
 * request rows by period, country and process. Retention and protection changes are
 * ranked (see retention-order.ts, protection-order.ts) so regressions stand out.
 */
export function diffDeclarations(before: Declaration, after: Declaration): Change[] {
  const out: Change[] = [];
  const { dataCategories: c0, thirdParties: t0, legalProcess: l0, governmentRequests: g0, ...top0 } = before;
  const { dataCategories: c1, thirdParties: t1, legalProcess: l1, governmentRequests: g1, ...top1 } = after;
  compareValues([], top0, top1, out);
  matchByKey(['dataCategories'], c0, c1, (c) => c.category, compareCategory, out);
  matchByKey(['thirdParties'], t0, t1, (t) => t.id, compareValues, out);

  const { interceptionStatutes: s0, policies: p0, ...lp0 } = l0 ?? {};
  const { interceptionStatutes: s1, policies: p1, ...lp1 } = l1 ?? {};
  if (l0 === undefined || l1 === undefined) compareValues(['legalProcess'], l0, l1, out);
  else {
    compareValues(['legalProcess'], lp0, lp1, out);
    matchByKey(['legalProcess', 'interceptionStatutes'], s0, s1, (s) => `${s.statute}@${s.jurisdiction}`, compareValues, out);
    matchByKey(['legalProcess', 'policies'], p0, p1, (p) => `${p.process}@${p.jurisdiction}`, compareValues, out);
  }
  matchByKey(['governmentRequests'], g0, g1, requestRowKey, compareValues, out);
  return out;
}
