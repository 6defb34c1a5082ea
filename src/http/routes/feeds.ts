import { Router, type Request } from 'express';
import { renderAtom, type AtomEntry } from '../../feeds/atom.js';
import { TAG_BASE, versionEntry } from '../../feeds/version-entries.js';
import { observationEntry } from '../../feeds/observation-entries.js';
import type { VersionMeta } from '../../store/store.js';
import type { AppContext } from '../context.js';
import { latestOr404 } from '../provider-view.js';
import { byteBoundedCache } from '../../service/byte-bounded-cache.js';

/** Newest entries of each kind a feed carries (versions; observations); readers keep what they have already seen. */
const FEED_SIZE = 50;
const EPOCH = '1970-01-01T00:00:00.000Z';

const baseUrl = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

const newestFirst = (a: VersionMeta, b: VersionMeta) =>
  b.submittedAt.localeCompare(a.submittedAt) || a.providerId.localeCompare(b.providerId) || b.version - a.version;

/** Atom feeds of new declaration versions, so a group can subscribe instead of polling. */
export function feedsRouter(ctx: AppContext): Router {
  const router = Router();
  const { atlas } = ctx;

  /**
   * A version's entry never changes (its diff against the version before is fixed once stored),
   * so each is made once per host and kept; a feed after a write makes only the new one. Entries
   * not kept yet are made one at a time with a turn of the event loop between them: the diffs of
   * fifty large versions never run in one piece.
   */
  const entryCache = byteBoundedCache<AtomEntry>('feed-entries', 4 * 1024 * 1024);
  async function entriesFor(metas: VersionMeta[], req: Request): Promise<AtomEntry[]> {
    const made: AtomEntry[] = [];
    for (const meta of metas) {
      const key = `${baseUrl(req)}|${meta.providerId}@${meta.version}`;
      let entry = entryCache.get(key);
      if (!entry) {
        const declaration = (await atlas.declarationAt(meta.providerId, meta.version))!;
        const previous = meta.version > 1 ? await atlas.declarationAt(meta.providerId, meta.version - 1) : undefined;
        entry = versionEntry({ providerId: meta.providerId, version: meta.version, submittedAt: meta.submittedAt, declaration, previous }, baseUrl(req));
        entryCache.set(key, entry);
        await new Promise((resolve) => setImmediate(resolve));
      }
      made.push(entry);
    }
    return made;
  }

  const send = (res: import('express').Response, xml: string) => res.type('application/atom+xml; charset=utf-8').send(xml);

  /**
   * A feed is a function of the stored versions and observations (and of the host it is
   * served under): rendered once per revision of either, not per request — a long history
   * costs one diff of each of its newest versions, then nothing until the next write.
   */
  const rendered = byteBoundedCache<{ xml: string }>('feeds', 16 * 1024 * 1024);
  const cachedFeed = async (req: Request, render: () => Promise<string>): Promise<string> => {
    const key = `${req.path}|${baseUrl(req)}|${atlas.revision}|${ctx.observations.revision}`;
    const hit = rendered.get(key);
    if (hit) return hit.xml;
    const xml = await render();
    rendered.set(key, { xml }, { size: xml.length + key.length });
    return xml;
  };

  const newestEntryFirst = (a: AtomEntry, b: AtomEntry) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id);

  /**
   * The newest FEED_SIZE observations recorded about these providers, merged into the (at most
   * FEED_SIZE) version entries newest first. Evidence keeps a place of its own: a burst of
   * versions never pushes a reviewer's observation out of the feed.
   */
  const withObservations = (entries: AtomEntry[], providerIds: string[], req: Request): AtomEntry[] => {
    const observed = providerIds.flatMap((id) => {
      const name = atlas.latestOf(id)?.summary.name ?? ctx.observations.undeclared().find((u) => u.providerId === id)?.name ?? id;
      return ctx.observations.list(id).map((o) => observationEntry(o, name, baseUrl(req)));
    });
    return [...entries, ...observed.sort(newestEntryFirst).slice(0, FEED_SIZE)].sort(newestEntryFirst);
  };

  router.get('/feed.atom', async (req, res) => {
    send(res, await cachedFeed(req, async () => {
      // A database answers with one query; a store whose histories are in memory is simply read whole.
      const metas = atlas.store.newestVersions
        ? await atlas.store.newestVersions(FEED_SIZE)
        : (await Promise.all(atlas.providerIds().map((id) => atlas.history(id)))).flat().sort(newestFirst).slice(0, FEED_SIZE);
      const entries = withObservations(await entriesFor(metas, req), [...new Set([...atlas.providerIds(), ...ctx.observations.providerIds()])], req);
      return renderAtom({
        id: `${TAG_BASE}feed`,
        title: 'retention-atlas: new declaration versions and observations',
        self: `${baseUrl(req)}/v1/feed.atom`,
        alternate: `${baseUrl(req)}/`,
        updated: entries[0]?.updated ?? EPOCH,
        author: 'retention-atlas',
        entries,
      });
    }));
  });

  router.get('/providers/:providerId/feed.atom', async (req, res) => {
    const latest = latestOr404(atlas, req.params.providerId);
    const providerId = latest.meta.providerId;
    send(res, await cachedFeed(req, async () => {
      const metas = (await atlas.history(providerId)).sort(newestFirst).slice(0, FEED_SIZE);
      const entries = withObservations(await entriesFor(metas, req), [providerId], req);
      return renderAtom({
        id: `${TAG_BASE}providers/${providerId}/feed`,
        title: `${latest.summary.name}: declaration versions and observations`,
        self: `${baseUrl(req)}/v1/providers/${providerId}/feed.atom`,
        alternate: `${baseUrl(req)}/providers/${providerId}`,
        updated: entries[0]?.updated ?? EPOCH,
        author: latest.summary.name,
        entries,
      });
    }));
  });

  return router;
}
