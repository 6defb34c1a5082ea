import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DraftPool } from '../../src/http/draft-thread/draft-pool.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { listen, type Listening } from '../support/listen.js';
import { adminAuth, testService, validDeclaration } from '../support/service.js';
import { largestDeclaration } from '../support/largest-declaration.mjs';

const LARGE = 'hostile-co';
const SMALL = 'small-co';
const json = { 'content-type': 'application/json' };
const stuckEntry = new URL('../support/stuck-draft-worker-entry.mjs', import.meta.url);

const get = async (base: string, path: string) => {
  const res = await fetch(base + path);
  return { status: res.status, type: res.headers.get('content-type'), etag: res.headers.get('etag'), retryAfter: res.headers.get('retry-after'), body: await res.text() };
};

/** A page as compared between two servers: its own origin (the badge snippet names it) replaced, so no ETag either. */
const samePage = async (base: string, path: string) => {
  const answer = await get(base, path);
  return { ...answer, etag: undefined, body: answer.body.replaceAll(base, 'ORIGIN') };
};

/** A store holding a large version (every section at its maximum, about 680 KB) and a small one, written by a server without threads. */
async function storeWithVersions(): Promise<MemoryStore> {
  const store = new MemoryStore();
  const service = await testService(store, { draftThreadMinBytes: Number.POSITIVE_INFINITY });
  const server = await listen(service.app);
  try {
    for (const [id, body] of [[LARGE, largestDeclaration(LARGE, 680 * 1024)], [SMALL, JSON.stringify(validDeclaration(SMALL))]]) {
      const res = await fetch(`${server.url}/v1/providers/${id}/declarations`, { method: 'POST', headers: { ...json, ...adminAuth }, body });
      expect(res.status).toBe(201);
    }
  } finally {
    await server.close();
  }
  return store;
}

describe('the matrix of a large stored version is computed on a draft thread, with the same answers as on the event loop', () => {
  const pool = new DraftPool({ workers: 1 });
  let inline: Listening;
  let threaded: Listening;

  beforeAll(async () => {
    const store = await storeWithVersions();
    inline = await listen((await testService(store, { draftThreadMinBytes: Number.POSITIVE_INFINITY })).app);
    threaded = await listen((await testService(store, { draftPool: pool, draftThreadMinBytes: 64 * 1024 })).app);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([inline?.close(), threaded?.close()]);
    await pool.close();
  });

  const reads: [string, string][] = [
    ['exposure under a law date', `/v1/providers/${LARGE}/exposure?lawDate=2019-03-01`],
    ['exposure, explain=full', `/v1/providers/${LARGE}/exposure?explain=full&lawDate=2020-06-01`],
    ['exposure, explain=facts, one jurisdiction, as CSV', `/v1/providers/${LARGE}/exposure?explain=facts&jurisdiction=DE&format=csv&lawDate=2021-01-01`],
    ['one cell in full', `/v1/providers/${LARGE}/cells/location/DE?lawDate=2022-02-02`],
  ];

  it.each(reads)('%s', async (_name, path) => {
    const before = pool.answered;
    const [a, b] = [await get(inline.url, path), await get(threaded.url, path)];
    expect(pool.answered).toBe(before + 1); // the threaded server computed the matrix on its thread
    expect(b).toEqual(a);
    expect(a.status).toBe(200);
    // Asked again: the reader's cache answers, no thread.
    expect(await get(threaded.url, path)).toEqual(a);
    expect(pool.answered).toBe(before + 1);
  }, 120_000);

  it('shares one computation between requests for the same matrix', async () => {
    const before = pool.answered;
    const path = `/v1/providers/${LARGE}/exposure?lawDate=2018-07-07`;
    const answers = await Promise.all([get(threaded.url, path), get(threaded.url, path), get(threaded.url, path)]);
    expect(pool.answered).toBe(before + 1);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0]).toEqual(await get(inline.url, path));
  }, 120_000);

  it('renders the provider page of a large version with its sections from a thread, once per version, byte for byte as inline', async () => {
    const page = (lawDate: string) => `/providers/${LARGE}?lawDate=${lawDate}`;
    const before = pool.answered;
    const [a, b] = [await samePage(inline.url, page('2017-05-05')), await samePage(threaded.url, page('2017-05-05'))];
    expect(a.status).toBe(200);
    expect(a.type).toMatch(/^text\/html/);
    expect(b).toEqual(a);
    // The matrix under that law and the sections of the version: two jobs.
    expect(pool.answered).toBe(before + 2);
    // Another law date: a new matrix (the law differs), the sections kept.
    const [c, d] = [await samePage(inline.url, page('2024-05-05')), await samePage(threaded.url, page('2024-05-05'))];
    expect(d).toEqual(c);
    expect(c.status).toBe(200);
    expect(pool.answered).toBe(before + 3);
  }, 120_000);

  it('ranks under other law with a large version\'s columns read from its matrix made on a thread, the same ranking as inline', async () => {
    // On 2000-01-10 the law of every column differs from today's: both providers' columns are made again.
    const path = '/v1/exposure?jurisdiction=CN&category=message-content&lawDate=2000-01-10';
    const before = pool.answered;
    const [a, b] = [await get(inline.url, path), await get(threaded.url, path)];
    expect(a.status).toBe(200);
    expect(b.body).toEqual(a.body);
    expect(JSON.parse(a.body).items.map((i: { providerId: string }) => i.providerId)).toEqual(expect.arrayContaining([LARGE, SMALL]));
    expect(pool.answered).toBe(before + 1); // the large version's matrix, once; the small one's columns inline
  }, 120_000);

  it('computes and renders a small version inline', async () => {
    const before = pool.answered;
    for (const path of [`/v1/providers/${SMALL}/exposure?explain=full&lawDate=2019-03-01`, `/providers/${SMALL}?lawDate=2019-03-01`]) {
      const [a, b] = [await samePage(inline.url, path), await samePage(threaded.url, path)];
      expect(a.status).toBe(200);
      expect(b).toEqual(a);
    }
    expect(pool.answered).toBe(before);
  });
});

describe('a large stored version read while the draft threads are full', () => {
  it('answers 503 busy with Retry-After (a small version is still answered)', async () => {
    const store = await storeWithVersions();
    const pool = new DraftPool({ workers: 1, queuePerWorker: 0, entry: stuckEntry });
    const server = await listen((await testService(store, { draftPool: pool, draftThreadMinBytes: 64 * 1024 })).app);
    try {
      const held = get(server.url, `/v1/providers/${LARGE}/exposure?lawDate=2019-03-01`);
      while (pool.load < 1) await new Promise((resolve) => setTimeout(resolve, 10));
      const refused = await get(server.url, `/v1/providers/${LARGE}/exposure?lawDate=2020-03-01`);
      expect(refused.status).toBe(503);
      expect(refused.type).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(refused.body)).toMatchObject({ type: 'https://retention-atlas.example/problems/busy', status: 503 });
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      // A small version is still answered on the event loop.
      expect((await get(server.url, `/v1/providers/${SMALL}/exposure?lawDate=2020-03-01`)).status).toBe(200);
      await pool.close();
      expect((await held).status).toBe(503);
    } finally {
      await pool.close();
      await server.close();
    }
  }, 120_000);
});
