import { compareObserved } from '../../observations/compare-observed.js';
import type { CheckResult, FindingContext, Rule } from '../rule.js';

const show = (v: unknown) => (v === undefined ? 'nothing' : typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

function check({ declaration, observations = [] }: FindingContext): CheckResult[] {
  const results: CheckResult[] = [];
  for (const o of observations) {
    const comparison = compareObserved(declaration, o.place, o.value, o.atLeast);
    if (comparison?.relation !== 'contradicts') continue;
    const answered = o.responses.length > 0 ? ` The provider has answered (${o.responses.length}).` : '';
    const which = o.assessment !== undefined ? `assessment ${o.assessment}, fact ${o.id}` : `observation ${o.id}`;
    results.push({
      message: `${o.organisation} observed ${o.atLeast && Array.isArray(o.value) ? 'at least ' : ''}${show(o.value)} at ${o.pointer} (${which}, ${o.observedAt}); the declaration says ${show(comparison.declared)}.${answered}`,
      paths: [comparison.path],
      evidence: {
        observation: o.id,
        ...(o.assessment !== undefined ? { assessment: o.assessment } : {}),
        pointer: o.pointer,
        location: o.assessment !== undefined ? `/v1/providers/${o.providerId}/assessments/${o.assessment}` : `/v1/providers/${o.providerId}/observations/${o.id}`,
        organisation: o.organisation,
        statement: o.statement,
        declared: comparison.declared,
        observed: o.value,
        sources: o.sources,
        responses: o.responses,
      },
    });
  }
  return results;
}

export const contradictedByEvidence: Rule = {
  id: 'contradicted-by-evidence',
  severity: 'error',
  description: 'A declared fact that an observation (sourced evidence from a reviewer) contradicts: the declaration says one thing, the evidence another.',
  check,
};
