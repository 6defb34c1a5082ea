import type { AppContext } from './context.js';

/**
 * A provider known only from observations, as lists show it: never mixed with self-declared
 * entries, marked `declaredByProvider: false`, pointing at its evidence and its observed view.
 */
export function undeclaredSummary(ctx: Pick<AppContext, 'observations'>, u: { providerId: string; name: string; asOf: string }) {
  const all = ctx.observations.list(u.providerId);
  return {
    providerId: u.providerId,
    name: u.name,
    declaredByProvider: false as const,
    asOf: u.asOf,
    observations: all.length,
    activeObservations: all.filter((o) => o.status === 'active').length,
    links: {
      observations: `/v1/providers/${u.providerId}/observations`,
      exposure: `/v1/providers/${u.providerId}/exposure?basis=observed`,
    },
  };
}
