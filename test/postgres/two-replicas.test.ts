import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startServer, type RunningServer } from '../support/running-server.js';
import { validDeclaration } from '../support/service.js';
import { startTestDatabase, type TestDatabase } from './test-database.js';

/**
 * Two real server processes on one PostgreSQL database, as behind a load balancer: what
 * one acknowledges, the other serves; what one revokes, the other refuses; killing one
 * with SIGKILL mid-load loses no acknowledged write.
 */
const ADMIN = 'two-replica-admin-token-0123456789abcdef';
const env = { ADMIN_API_KEY: ADMIN, LOAD_SAMPLE_DATA: 'false', RATE_LIMIT_PER_MINUTE: '0' };
const admin = { authorization: `Bearer ${ADMIN}` };

let db: TestDatabase;
let a: RunningServer;
let b: RunningServer;
const extra: RunningServer[] = [];
beforeAll(async () => {
  db = await startTestDatabase();
  [a, b] = await Promise.all([startServer({ env: { ...env, DATABASE_URL: db.url } }), startServer({ env: { ...env, DATABASE_URL: db.url } })]);
}, 60_000);
afterAll(async () => {
  for (const s of [a, b, ...extra]) if (s && s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  await Promise.all([a, b, ...extra].filter(Boolean).map((s) => s.stop()));
  await db?.stop();
});

interface Ack {
  providerId: string;
  version: number;
  text: string;
}

/** A distinct document per write, with odd whitespace so byte identity means something. */
function document(providerId: string, i: number): string {
  const doc = validDeclaration(providerId);
  doc.provider.name = `write #${i} \u{1F4E8} \u202e`;
  return JSON.stringify(doc, null, i % 3) + '\n'.repeat(i % 2);
}

/** 201 → an acknowledged write; a dropped connection or a 409 (too many conflicting writers) → not acknowledged. */
async function write(server: RunningServer, providerId: string, i: number, token = ADMIN): Promise<Ack | undefined> {
  const text = document(providerId, i);
  let res: Response;
  try {
    res = await fetch(`${server.url}/v1/providers/${providerId}/declarations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: text,
    });
  } catch {
    return undefined; // the replica died mid-request: never acknowledged
  }
  const body = (await res.json()) as { version: number };
  if (res.status >= 500) throw new Error(`${server.url} answered ${res.status}: ${JSON.stringify(body)}`);
  if (res.status === 409) return undefined;
  expect(res.status).toBe(201);
  return { providerId, version: body.version, text };
}

async function expectStored(server: RunningServer, acks: Ack[]): Promise<void> {
  for (const { providerId, version, text } of acks) {
    const res = await fetch(`${server.url}/v1/providers/${providerId}/declarations/${version}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(text, 'utf8'))).toBe(true);
  }
}

async function versionsOf(server: RunningServer, providerId: string): Promise<number[]> {
  const res = await fetch(`${server.url}/v1/providers/${providerId}/declarations`);
  return ((await res.json()) as { versions: { version: number }[] }).versions.map((v) => v.version);
}

/** Polls `read` until it returns true, for at most `ms`; how long it took, or undefined when it never did. */
async function within(ms: number, read: () => Promise<boolean>): Promise<number | undefined> {
  const start = performance.now();
  while (performance.now() - start <= ms) {
    if (await read()) return performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}

describe('two replicas on one database', () => {
  it('serves on one replica, within a second, a provider written through the other', async () => {
    const ack = (await write(a, 'fresh-on-a', 1))!;
    const seen = await within(1000, async () => {
      const res = await fetch(`${b.url}/v1/providers/fresh-on-a`);
      return res.status === 200 && ((await res.json()) as { latestVersion: number }).latestVersion === ack.version;
    });
    expect(seen).toBeDefined();
    const next = (await write(b, 'fresh-on-a', 2))!;
    expect(next.version).toBe(2);
    const ranked = await within(1000, async () => {
      const res = await fetch(`${a.url}/v1/exposure`);
      return JSON.stringify(await res.json()).includes('"latestVersion":2');
    });
    expect(ranked).toBeDefined();
  });

  it('gives contiguous versions and loses nothing when both replicas write one provider at once', async () => {
    const acks = (await Promise.all(Array.from({ length: 24 }, (_, i) => write(i % 2 ? a : b, 'contended', i)))).filter((x): x is Ack => x !== undefined);
    expect(acks.length).toBeGreaterThan(0);
    const versions = await versionsOf(a, 'contended');
    expect(versions).toEqual(versions.map((_, i) => i + 1));
    expect(versions.length).toBe(acks.length);
    expect(new Set(acks.map((x) => x.version)).size).toBe(acks.length);
    await expectStored(b, acks);
  });

  it('serves on one replica, within a second, an observation, a response and a withdrawal made through the other', async () => {
    await write(a, 'observed-mail', 1);
    const observation = { pointer: '/legalProcess/liveInterception', value: 'supported', statement: 'Seen.', observedAt: '2012-07-26', sources: [{ url: 'https://example.org/report', title: 'Report', kind: 'academic-study' }] };
    const post = (server: RunningServer, path: string, body: unknown) =>
      fetch(`${server.url}/v1/providers/observed-mail/observations${path}`, { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const [first, second] = [await post(a, '', observation), await post(b, '', observation)];
    expect([first.status, second.status]).toEqual([201, 201]);
    expect([((await first.json()) as { id: number }).id, ((await second.json()) as { id: number }).id]).toEqual([1, 2]);
    expect((await post(b, '/1/responses', { statement: 'Not so.', sources: [] })).status).toBe(201);
    expect((await fetch(`${b.url}/v1/providers/observed-mail/observations/2`, { method: 'DELETE', headers: admin })).status).toBe(200);
    const seen = await within(1000, async () => {
      const res = await fetch(`${a.url}/v1/providers/observed-mail/observations`);
      const { items } = (await res.json()) as { items: { id: number; status: string; responses: unknown[] }[] };
      return items.length === 2 && items[0].responses.length === 1 && items[1].status === 'withdrawn';
    });
    expect(seen).toBeDefined();
  });

  it('refuses on one replica a key revoked on the other', async () => {
    const minted = await fetch(`${a.url}/v1/keys`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'provider', providerId: 'keyed-mail', label: 'two replicas' }),
    });
    expect(minted.status).toBe(201);
    const { id, token } = (await minted.json()) as { id: string; token: string };
    expect(await write(b, 'keyed-mail', 1, token)).toBeDefined();
    const revoked = await fetch(`${a.url}/v1/keys/${id}`, { method: 'DELETE', headers: admin });
    expect(revoked.status).toBeLessThan(300);
    const refused = await fetch(`${b.url}/v1/providers/keyed-mail/declarations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: document('keyed-mail', 2),
    });
    expect(refused.status).toBe(401);
  });

  it('loses no acknowledged write when one replica is killed with SIGKILL during writes', async () => {
    const victim = await startServer({ env: { ...env, DATABASE_URL: db.url } });
    extra.push(victim);
    const providers = ['kill-alpha', 'kill-beta', 'kill-gamma', 'kill-delta', 'kill-epsilon', 'kill-zeta'];
    const acks: Ack[] = [];
    const died = new Promise((resolve) => victim.child.once('exit', resolve));
    // Eight clients in a loop, two of every three writes through the victim, until 120 writes were tried.
    let next = 0;
    const client = async () => {
      while (next < 120) {
        const i = next++;
        const ack = await write(i % 3 === 0 ? b : victim, providers[i % providers.length], i);
        if (!ack) continue;
        acks.push(ack);
        if (acks.length === 30) victim.child.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: 8 }, client));
    await died;
    expect(victim.child.signalCode).toBe('SIGKILL');
    expect(acks.length).toBeGreaterThanOrEqual(30);
    await expectStored(b, acks);
    for (const providerId of providers) {
      const versions = await versionsOf(b, providerId);
      expect(versions).toEqual(versions.map((_, i) => i + 1));
      expect(versions.length).toBeGreaterThanOrEqual(Math.max(...acks.filter((x) => x.providerId === providerId).map((x) => x.version)));
    }
    // The surviving replica keeps taking writes on top of them.
    const after = (await write(b, 'kill-alpha', 1000))!;
    expect(after.version).toBe((await versionsOf(a, 'kill-alpha')).length);
  }, 60_000);

  it('loses no acknowledged observation when one replica is killed with SIGKILL during observation writes', async () => {
    await write(b, 'kill-observed', 0);
    const minted = await fetch(`${b.url}/v1/keys`, { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ role: 'reviewer', organisation: 'Kill Test Lab' }) });
    expect(minted.status).toBe(201);
    const reviewer = { authorization: `Bearer ${((await minted.json()) as { token: string }).token}` };
    const victim = await startServer({ env: { ...env, DATABASE_URL: db.url } });
    extra.push(victim);
    const died = new Promise((resolve) => victim.child.once('exit', resolve));
    const acked: { id: number; statement: string }[] = [];
    let next = 0;
    const client = async () => {
      while (next < 80) {
        const i = next++;
        const statement = `observation #${i} \u{1F50D}`;
        let res: Response;
        try {
          res = await fetch(`${(i % 3 === 0 ? b : victim).url}/v1/providers/kill-observed/observations`, {
            method: 'POST',
            headers: { ...reviewer, 'content-type': 'application/json' },
            body: JSON.stringify({ pointer: '/legalProcess/liveInterception', value: i % 2 ? 'supported' : 'not-supported', statement, observedAt: '2012-07-26', sources: [{ url: 'https://example.org/report', title: 'A report', kind: 'investigative-report' }] }),
          });
        } catch {
          continue; // the replica died mid-request: never acknowledged
        }
        const body = (await res.json()) as { id: number };
        if (res.status >= 500) throw new Error(`answered ${res.status}: ${JSON.stringify(body)}`);
        expect(res.status).toBe(201);
        acked.push({ id: body.id, statement });
        if (acked.length === 20) victim.child.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: 8 }, client));
    await died;
    expect(victim.child.signalCode).toBe('SIGKILL');
    expect(acked.length).toBeGreaterThanOrEqual(20);
    expect(new Set(acked.map((x) => x.id)).size).toBe(acked.length);
    for (const { id, statement } of acked) {
      const res = await fetch(`${b.url}/v1/providers/kill-observed/observations/${id}`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { statement: string }).statement).toBe(statement);
    }
  }, 60_000);
});
