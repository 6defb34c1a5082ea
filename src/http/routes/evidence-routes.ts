import type { Request } from 'express';
import type { Caller } from '../../auth/api-key.js';
import { ObservationError } from '../../service/evidence-basics.js';
import type { AppContext } from '../context.js';
import { HttpError, notFound } from '../http-error.js';
import { providerIdParam } from '../params.js';

/** What the observation, assessment and campaign routes share. */

/** The key that passed the write guard. */
export const writer = (res: { locals: Record<string, unknown> }) => res.locals.writer as Caller;

/** An evidence service's 404/409 as problem+json; anything else goes to the error handler. */
export function evidenceHttpError(error: unknown): unknown {
  return error instanceof ObservationError ? new HttpError(error.status, error.status === 404 ? 'Not Found' : 'Conflict', error.message) : error;
}

/** Runs a service call, its evidence errors answered as HTTP errors. */
export async function fromEvidenceService<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw evidenceHttpError(error);
  }
}

/** The provider of the path: one with a declaration, observations or assessments; 404 otherwise. */
export function knownProvider(ctx: Pick<AppContext, 'atlas' | 'observations'>, req: Request): string {
  const providerId = providerIdParam(String(req.params.providerId));
  if (!ctx.atlas.latestOf(providerId) && !ctx.observations.hasEvidence(providerId)) throw notFound(`No provider "${providerId}" (no declaration, no observations, no assessments).`);
  return providerId;
}
