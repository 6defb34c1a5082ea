import { pointer } from '../formats/json-pointer.js';
import type { ModelParameters } from '../formats/types.generated.js';
import type { ValidationIssue } from '../formats/validation-error.js';
import { ACCESS_KIND_ORDER, MANDATE_KIND_ORDER, ROUTE_ORDER } from '../law/partial-knowledge.js';
import { durationDays } from '../scoring/iso-duration.js';

const TAXONOMY_SIZE = 13;

/**
 * Rules of the parameters the schema cannot express, on which the model's properties rest:
 * every category once; a retention curve that never falls (longer retention never scores
 * lower) and stays between `none` and `indefinite`; grade bands in ascending order; weights
 * that never fall along the orders a profile's partial knowledge is read in (access kinds for
 * `kind: { atLeast }`, interception-mandate kinds, authorisation routes).
 */
export function modelParameterIssues(p: ModelParameters): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (at: string, keyword: string, message: string) => issues.push({ pointer: at, keyword, message });
  const seen = new Set<string>();
  p.categories.forEach((c, i) => {
    if (seen.has(c.category)) add(pointer('categories', i, 'category'), 'uniqueId', `duplicate category "${c.category}"`);
    seen.add(c.category);
  });
  if (seen.size !== TAXONOMY_SIZE) add('/categories', 'coverage', `must list all ${TAXONOMY_SIZE} taxonomy categories, found ${seen.size}`);
  const pts = p.retention.points;
  pts.forEach((pt, i) => {
    if (i === 0) return;
    if (durationDays(pt.duration) <= durationDays(pts[i - 1].duration)) add(pointer('retention', 'points', i, 'duration'), 'ascending', 'durations must ascend');
    if (pt.factor < pts[i - 1].factor) add(pointer('retention', 'points', i, 'factor'), 'monotone', 'factors must not decrease');
  });
  if (pts[0].factor < p.retention.none.value) add('/retention/points/0/factor', 'monotone', 'must be at least retention.none');
  if (pts[pts.length - 1].factor > p.retention.indefinite.value) add(pointer('retention', 'points', pts.length - 1, 'factor'), 'monotone', 'must be at most retention.indefinite');
  p.grades.forEach((g, i) => {
    const last = i === p.grades.length - 1;
    if (last !== (g.below === null)) add(pointer('grades', i, 'below'), 'bands', last ? 'the last band must have below null' : 'only the last band may have below null');
    const prev = i > 0 ? p.grades[i - 1].below : null;
    if (i > 0 && g.below !== null && prev !== null && g.below <= prev) add(pointer('grades', i, 'below'), 'bands', 'bands must ascend');
  });
  const ascending = (at: string[], values: number[], order: readonly string[]) =>
    values.forEach((v, i) => {
      if (i > 0 && v < values[i - 1]) add(pointer(...at, order[i], 'value'), 'order', `must not be below ${order[i - 1]} (${order.join(' < ')})`);
    });
  ascending(['instrumentKinds'], ACCESS_KIND_ORDER.map((k) => p.instrumentKinds[k].value), ACCESS_KIND_ORDER);
  ascending(['transit', 'mandateKinds'], MANDATE_KIND_ORDER.map((k) => p.transit.mandateKinds[k].value), MANDATE_KIND_ORDER);
  ascending(['instrumentModifiers', 'authorisation'], ROUTE_ORDER.map((r) => p.instrumentModifiers.authorisation[r].value), ROUTE_ORDER);
  const ids = new Set<string>();
  p.feasibility.constraints.forEach((c, i) => {
    if (ids.has(c.id)) add(pointer('feasibility', 'constraints', i, 'id'), 'uniqueId', `duplicate constraint "${c.id}"`);
    ids.add(c.id);
    if (c.when === 'collected' && c.categories === undefined) add(pointer('feasibility', 'constraints', i), 'categories', 'a constraint on collected categories must list them');
    if (c.when !== 'collected' && c.categories !== undefined) add(pointer('feasibility', 'constraints', i, 'categories'), 'categories', `the ${c.when} trigger names its own categories: list none`);
  });
  const content = new Set(p.categories.filter((c) => c.kind === 'content').map((c) => c.category));
  p.feasibility.serviceContent.forEach((row, i) => {
    if (!content.has(row.category)) add(pointer('feasibility', 'serviceContent', i, 'category'), 'contentCategory', `"${row.category}" is not a content category`);
  });
  if (p.transit.protection['end-to-end'].value !== 0) add('/transit/protection/end-to-end/value', 'e2e', 'end-to-end protection must remove the transit pathway (0)');
  return issues;
}
