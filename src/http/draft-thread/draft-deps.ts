import type { AppContext } from '../context.js';
import type { DraftDeps } from './draft-answers.js';

/** The draft answers' deps on the event loop: the atlas's own check, schemas and policy data. */
export const draftDeps = (ctx: Pick<AppContext, 'atlas' | 'policy'>): DraftDeps => ({ check: (doc, providerId) => ctx.atlas.check(doc, providerId), registry: ctx.atlas.registry, policy: ctx.policy });
