import type { Declaration } from '../formats/types.generated.js';
import type { ExplainLevel, ExposureResult } from '../scoring/index.js';
import { activeOnly } from '../observations/observation-record.js';
import { scoreAsObserved, type Basis } from '../service/observed-exposure.js';
import type { ObservedView } from '../service/observed-reader.js';
import type { ProviderSummary } from '../service/provider-entry.js';
import type { LatestEntry } from '../service/atlas.js';
import type { AppContext } from './context.js';
import { notFound } from './http-error.js';
import { providerIdParam } from './params.js';

/**
 * One provider as a page shows it, on the basis asked for: a provider that declared (its
 * latest version), or one known only from evidence (then `declaredByProvider` is false, the
 * declaration shown is what the evidence says over one that answers nothing, and the page's
 * default basis is "as observed": as declared, such a provider answers nothing).
 */
export interface PageSubject {
  providerId: string;
  name: string;
  declaredByProvider: boolean;
  /** The stored latest version; absent for a provider known only from evidence. */
  latest?: LatestEntry<ProviderSummary>;
  /** What the page's five-question sections show: the declaration, or the evidence in place. */
  declaration: Declaration;
  /** The statements' date: the declaration's `asOf`, or the latest evidence's date. */
  asOf: string;
  basis: Basis;
  /** The matrix on `basis` under the law date. */
  result: ExposureResult;
  /** The observed view, when the basis is observed or the provider is known only from evidence. */
  observed?: ObservedView;
  /** Who recorded the active evidence about it (organisations), in order of first record. */
  observers: string[];
}

/** The organisations behind a provider's active evidence, in the order they first recorded some. */
export function observersOf(ctx: Pick<AppContext, 'observations'>, providerId: string): string[] {
  return [...new Set(activeOnly(ctx.observations.list(providerId)).map((o) => o.organisation))];
}

/**
 * Loads a page's provider: 404 when it neither declared nor has evidence. `basis` undefined
 * means the page's default (declared for a provider that declared, observed otherwise).
 */
export async function pageSubject(ctx: AppContext, rawId: unknown, options: { lawDate: string; basis?: Basis; explain?: ExplainLevel }): Promise<PageSubject> {
  const providerId = providerIdParam(String(rawId));
  const latest = ctx.atlas.latestOf(providerId);
  const observers = observersOf(ctx, providerId);
  const explain = options.explain ?? 'compact';
  if (latest) {
    const basis = options.basis ?? 'declared';
    const declaration = (await ctx.atlas.declarationAt(providerId, latest.meta.version))!;
    if (basis === 'observed') {
      const observed = (await ctx.observed.of(providerId, { lawDate: options.lawDate, explain }))!;
      return { providerId, name: latest.summary.name, declaredByProvider: true, latest, declaration, asOf: declaration.asOf, basis, result: observed.observed.result, observed, observers };
    }
    const result = (await ctx.exposure.of(providerId, latest.meta.version, { lawDate: options.lawDate, explain }))!;
    return { providerId, name: latest.summary.name, declaredByProvider: true, latest, declaration, asOf: declaration.asOf, basis, result, observers };
  }
  // Whatever evidence makes the provider known (`baseOf`) makes it a page.
  const observed = await ctx.observed.of(providerId, { lawDate: options.lawDate, explain });
  if (!observed) throw notFound(`No provider "${providerId}": it has neither declared nor been observed.`);
  const basis = options.basis ?? 'observed';
  // As declared, a provider that never declared answers nothing: the base the evidence is applied to, alone.
  const result = basis === 'observed' ? observed.observed.result : scoreAsObserved((await ctx.observations.baseOf(providerId))!.declaration, [], ctx.policy, { lawDate: options.lawDate, explain }).result;
  return { providerId, name: observed.name, declaredByProvider: false, declaration: observed.observed.declaration, asOf: observed.asOf, basis, result, observed, observers };
}
