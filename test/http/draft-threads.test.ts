import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DraftPool } from '../../src/http/draft-thread/draft-pool.js';
import { listen, type Listening } from '../support/listen.js';
import { adminAuth, testService, validDeclaration, type TestService } from '../support/service.js';
import { largestDeclaration } from '../support/largest-declaration.mjs';

const PROVIDER = 'hostile-co';
const json = { 'content-type': 'application/json' };
const greedyEntry = new URL('../support/greedy-draft-worker-entry.mjs', import.meta.url);
const OBSERVATION = JSON.stringify({ pointer: '/dataCategories/message-content/retention', value: { kind: 'indefinite' }, statement: 'Tested.', observedAt: '2024-05-01', sources: [{ url: 'https://example.org/report', title: 'Report', kind: 'technical-test' }] });
const stuckEntry = new URL('../support/stuck-draft-worker-entry.mjs', import.meta.url);

interface Answer {
  status: number;
  type: string | null;
  vary: string | null;
  retryAfter: string | null;
  body: string;
}

async function send(base: string, path: string, body: string, headers: Record<string, string> = json): Promise<Answer> {
  const res = await fetch(base + path, { method: 'POST', headers, body });
  return { status: res.status, type: res.headers.get('content-type'), vary: res.headers.get('vary'), retryAfter: res.headers.get('retry-after'), body: await res.text() };
}

/** A problem's body without the id of the request in the server's log (it differs per request). */
const withoutRequestId = (a: Answer) => ({ ...a, body: a.type?.startsWith('application/problem+json') ? JSON.stringify({ ...JSON.parse(a.body), requestId: undefined }) : a.body });

/** A service listening, with a stored first version of PROVIDER (findings, diff and exposure changes compare with it). */
async function serve(options: Parameters<typeof testService>[1]): Promise<{ service: TestService; server: Listening }> {
  const service = await testService(undefined, options);
  const server = await listen(service.app);
  const first = await send(server.url, `/v1/providers/${PROVIDER}/declarations`, JSON.stringify(validDeclaration(PROVIDER)), { ...json, ...adminAuth });
  expect(first.status).toBe(201);
  return { service, server };
}

describe('large drafts are answered on a draft thread, byte for byte as on the event loop', () => {
  const pool = new DraftPool({ workers: 1 });
  let inline: Listening;
  let threaded: Listening;
  // Every section at its maximum (about 650 KB), and a few request rows.
  const large = largestDeclaration(PROVIDER, 680 * 1024);
  // Request rows only, over every profiled country and process (above the 64 KB threshold).
  const rows = largestDeclaration(PROVIDER, 96 * 1024, { sections: 'rows' });
  // A TILT document of about 200 KB: one category disclosed to thousands of recipients.
  const recipients = Array.from({ length: 3000 }, (_, i) => `{"name":"Vendor ${i} Dienstleister","country":"Germany, Berlin ${i}"}`);
  const tiltRecipients = `{"meta":{"name":"Hostile Co"},"dataDisclosed":[{"category":"E-Mail","recipients":[${recipients.join(',')}]}]}`;

  beforeAll(async () => {
    inline = (await serve({ draftThreadMinBytes: Number.POSITIVE_INFINITY })).server;
    threaded = (await serve({ draftPool: pool, draftThreadMinBytes: 64 * 1024 })).server;
  });
  afterAll(async () => {
    await Promise.all([inline?.close(), threaded?.close()]);
    await pool.close();
  });

  // Each case names its headers: jest hands a test with fewer arguments than its row a `done` callback.
  const cases: [string, string, () => string, Record<string, string>, number][] = [
    ['score, every section at its maximum', '/v1/score', () => large, json, 200],
    ['score of request rows, explain=full', '/v1/score?explain=full&lawDate=2019-03-01', () => rows, json, 200],
    ['score of request rows, explain=facts, one jurisdiction', '/v1/score?explain=facts&jurisdiction=DE', () => rows, json, 200],
    ['score as CSV (Accept)', '/v1/score', () => rows, { ...json, accept: 'text/csv' }, 200],
    ['score as CSV (?format=csv), filtered', '/v1/score?format=csv&category=location', () => large, json, 200],
    ['validate', '/v1/validate', () => large, json, 200],
    ['dry run under a law date', `/v1/providers/${PROVIDER}/declarations?dryRun=true&lawDate=2020-01-01`, () => rows, json, 200],
    ['observed score', '/v1/score?basis=observed', () => `{"declaration":${rows},"observations":[${OBSERVATION}]}`, json, 200],
    ['score of an invalid draft (422)', '/v1/score', () => rows.replace(/"country":"DE"/g, '"country":"XX"'), json, 422],
    ['validate of an invalid draft (422)', '/v1/validate', () => large.replace('"collected":"yes"', '"collected":"maybe"'), json, 422],
    ['dry run of a draft for another provider (422)', '/v1/providers/someone-else/declarations?dryRun=true', () => rows, json, 422],
    ['observed score of a body of the wrong shape (422)', '/v1/score?basis=observed', () => `{"declaration":${rows},"extra":1}`, json, 422],
    ['TILT import of many recipients', `/v1/import/tilt?providerId=${PROVIDER}`, () => tiltRecipients, json, 200],
    ['TILT import of a body that is not a TILT object (422)', '/v1/import/tilt', () => `[${tiltRecipients}]`, json, 422],
  ];

  it.each(cases)('%s', async (_name, path, body, headers, status) => {
    const before = pool.answered;
    const [a, b] = [await send(inline.url, path, body(), headers), await send(threaded.url, path, body(), headers)];
    expect(pool.answered).toBe(before + 1); // the threaded server really used its thread
    expect(withoutRequestId(b)).toEqual(withoutRequestId(a));
    expect(a.status).toBe(status);
  }, 120_000);

  it('stores a large keyed submission checked and analysed on the thread as the event loop would', async () => {
    const before = pool.answered;
    const invalid = rows.replace(/"country":"DE"/g, '"country":"XX"');
    const refused = [await send(inline.url, `/v1/providers/${PROVIDER}/declarations`, invalid, { ...json, ...adminAuth }), await send(threaded.url, `/v1/providers/${PROVIDER}/declarations`, invalid, { ...json, ...adminAuth })];
    expect(refused[0].status).toBe(422);
    expect(withoutRequestId(refused[1])).toEqual(withoutRequestId(refused[0]));
    const written = [await send(inline.url, `/v1/providers/${PROVIDER}/declarations`, rows, { ...json, ...adminAuth }), await send(threaded.url, `/v1/providers/${PROVIDER}/declarations`, rows, { ...json, ...adminAuth })];
    expect(pool.answered).toBe(before + 2);
    for (const answer of written) expect(JSON.parse(answer.body)).toMatchObject({ version: 2, created: true });
    // What the write stored and analysed reads the same on both: the summary the read model keeps, findings, exposure.
    for (const path of [`/v1/providers/${PROVIDER}/findings`, `/v1/providers/${PROVIDER}/exposure`, `/v1/exposure`]) {
      const [a, b] = await Promise.all([fetch(inline.url + path).then((r) => r.text()), fetch(threaded.url + path).then((r) => r.text())]);
      expect(b).toEqual(a);
    }
    const [a, b] = await Promise.all([fetch(`${inline.url}/v1/providers/${PROVIDER}`).then((r) => r.json()), fetch(`${threaded.url}/v1/providers/${PROVIDER}`).then((r) => r.json())]);
    expect({ ...(b as object), submittedAt: undefined }).toEqual({ ...(a as object), submittedAt: undefined });
  }, 120_000);

  it('answers a small draft on the event loop', async () => {
    const before = pool.answered;
    const answer = await send(threaded.url, '/v1/score', JSON.stringify(validDeclaration(PROVIDER)));
    expect(answer.status).toBe(200);
    expect(pool.answered).toBe(before);
  });
});

describe('a large import of request figures is checked and analysed on a draft thread before it is stored', () => {
  it('stores and reads the same as an import made on the event loop', async () => {
    const pool = new DraftPool({ workers: 1 });
    const inline = await serve({ draftThreadMinBytes: Number.POSITIVE_INFINITY });
    const threaded = await serve({ draftPool: pool, draftThreadMinBytes: 64 * 1024 });
    try {
      const rows = JSON.stringify((JSON.parse(largestDeclaration(PROVIDER, 96 * 1024, { sections: 'rows' })) as { governmentRequests: unknown[] }).governmentRequests);
      const path = `/v1/providers/${PROVIDER}/transparency`;
      const keyed = { ...json, ...adminAuth };
      const before = pool.answered;
      const [a, b] = [await send(inline.server.url, path, rows, keyed), await send(threaded.server.url, path, rows, keyed)];
      expect(a.status).toBe(201);
      expect(b).toEqual(a);
      expect(pool.answered).toBe(before + 1); // the merged document went to the thread
      for (const read of [`/v1/providers/${PROVIDER}/findings`, `/v1/providers/${PROVIDER}/exposure`, '/v1/transparency']) {
        const [x, y] = await Promise.all([fetch(inline.server.url + read).then((r) => r.text()), fetch(threaded.server.url + read).then((r) => r.text())]);
        expect(y).toEqual(x);
      }
    } finally {
      await Promise.all([inline.server.close(), threaded.server.close()]);
      await pool.close();
    }
  }, 120_000);
});

describe('the draft pool is bounded, and survives a thread that dies', () => {
  it('refuses a draft beyond the threads and the queue with 503 busy and Retry-After', async () => {
    const pool = new DraftPool({ workers: 1, queuePerWorker: 1, entry: stuckEntry });
    // The first version (small) is stored on the event loop; the drafts (above 64 KB) go to the stuck thread.
    const { server } = await serve({ draftPool: pool, draftThreadMinBytes: 64 * 1024 });
    try {
      const body = largestDeclaration(PROVIDER, 70 * 1024, { sections: 'rows' });
      // One draft on the (stuck) thread, one waiting: both stay unanswered until the pool closes.
      const held = [send(server.url, '/v1/score', body), send(server.url, '/v1/validate', body)];
      while (pool.load < 2) await new Promise((resolve) => setTimeout(resolve, 10));
      const refused = await send(server.url, `/v1/providers/${PROVIDER}/declarations?dryRun=true`, body);
      expect(refused.status).toBe(503);
      expect(refused.type).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(refused.body)).toMatchObject({ type: 'https://retention-atlas.example/problems/busy', status: 503 });
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      await pool.close();
      // Closing refuses what was held the same way: nothing hangs.
      for (const answer of await Promise.all(held)) expect(answer.status).toBe(503);
    } finally {
      await pool.close();
      await server.close();
    }
  });

  it('answers 503 busy when a thread runs out of its heap (a dry run, a keyed write), stores nothing, and answers the next draft on a new thread', async () => {
    const pool = new DraftPool({ workers: 1, heapMb: 96, entry: greedyEntry });
    const { service, server } = await serve({ draftPool: pool, draftThreadMinBytes: 0 });
    try {
      const declaration = validDeclaration(PROVIDER);
      const greedy = JSON.stringify({ ...declaration, provider: { ...declaration.provider, name: 'exhaust-the-heap' } });
      const died = await send(server.url, `/v1/providers/${PROVIDER}/declarations?dryRun=true`, greedy);
      expect(died.status).toBe(503);
      expect(JSON.parse(died.body)).toMatchObject({ type: 'https://retention-atlas.example/problems/busy', status: 503 });
      expect(Number(died.retryAfter)).toBeGreaterThan(0);
      expect((await service.atlas.history(PROVIDER)).map((v) => v.version)).toEqual([1]);

      const write = await send(server.url, `/v1/providers/${PROVIDER}/declarations`, greedy, { ...json, ...adminAuth });
      expect(write.status).toBe(503);
      expect(JSON.parse(write.body)).toMatchObject({ type: 'https://retention-atlas.example/problems/busy' });
      expect((await service.atlas.history(PROVIDER)).map((v) => v.version)).toEqual([1]);

      const next = await send(server.url, '/v1/validate', JSON.stringify(declaration));
      expect(next.status).toBe(200);
      expect(JSON.parse(next.body)).toMatchObject({ valid: true });
    } finally {
      await pool.close();
      await server.close();
    }
  });
});
