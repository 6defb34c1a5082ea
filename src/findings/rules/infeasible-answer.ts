import { parsePointer } from '../../formats/json-pointer.js';
import { contradictions } from '../../scoring/feasibility.js';
import type { CheckResult, FindingContext, Rule } from '../rule.js';

/** Two answers no real provider could give together (P13): the finding names both; the model scores the more exposing reading. */
function check({ declaration, params }: FindingContext): CheckResult[] {
  if (params === undefined) return [];
  return contradictions(declaration, params).map((c) => ({ message: c.message, paths: c.pointers.map(parsePointer) }));
}

export const infeasibleAnswer: Rule = {
  id: 'infeasible-answer',
  severity: 'error',
  description:
    'Two answers contradict a feasibility constraint of the model (policies/model/parameters.json, feasibility): data declared end to end against the provider although another answer means the provider reads it (it bills on it, supports live interception, reported disclosing content, or declares it observes or keeps it). The model scores the more exposing reading.',
  check,
};
