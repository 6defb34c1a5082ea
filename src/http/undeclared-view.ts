import type { AppContext } from './context.js';

/**
 * A provider known only from evidence (observations, assessments), as lists show it: never
 * mixed with self-declared entries, marked `declaredByProvider: false`, naming who assessed
 * it (`assessedBy`: the organisations of its active observations and assessments), pointing
 * at its evidence and its observed view.
 */
export function undeclaredSummary(ctx: Pick<AppContext, 'observations' | 'assessments'>, u: { providerId: string; name: string; asOf: string }) {
  const all = ctx.observations.list(u.providerId);
  const assessments = ctx.assessments.list(u.providerId);
  return {
    providerId: u.providerId,
    name: u.name,
    declaredByProvider: false as const,
    assessedBy: ctx.observations.assessedBy(u.providerId),
    asOf: u.asOf,
    observations: all.length,
    activeObservations: all.filter((o) => o.status === 'active').length,
    assessments: assessments.length,
    activeAssessments: assessments.filter((a) => a.status === 'active').length,
    links: {
      observations: `/v1/providers/${u.providerId}/observations`,
      assessments: `/v1/providers/${u.providerId}/assessments`,
      exposure: `/v1/providers/${u.providerId}/exposure?basis=observed`,
    },
  };
}
