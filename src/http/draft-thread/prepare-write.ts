import type { Analysis } from '../../service/analysis.js';
import type { Prepared } from '../../service/atlas.js';
import { contentHash } from '../../store/version-record.js';
import type { AppContext } from '../context.js';
import { onDraftThread } from './draft-route.js';

/** The check and analysis of a large submission, made on a draft thread (none when the bytes are the latest version's: nothing is written). */
export async function prepareOnThread(ctx: AppContext, providerId: string, body: string): Promise<Prepared<Analysis> | undefined> {
  const latest = ctx.atlas.latestOf(providerId);
  if (latest && latest.meta.hash === contentHash(body)) return undefined;
  const previous = latest && (await ctx.atlas.record(providerId, latest.meta.version))?.body;
  return { baseVersion: latest?.meta.version ?? 0, analysis: await ctx.drafts.pool.prepare({ kind: 'prepare', body, providerId, previous }) };
}

/** A write's next document prepared on a draft thread when it is large (from the draft threshold), else on the event loop by the write itself. */
export const prepareIfLarge =
  (ctx: AppContext, providerId: string) =>
  (body: string): Promise<Prepared<Analysis> | undefined> =>
    onDraftThread(ctx.drafts, body) ? prepareOnThread(ctx, providerId, body) : Promise.resolve(undefined);
