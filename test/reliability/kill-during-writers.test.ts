import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { startServer, type RunningServer } from '../support/running-server.js';
import { validDeclaration } from '../support/service.js';

/**
 * `kill -9` while 8 writers of every kind (declarations, JSON and CSV imports, key
 * creation) are in flight, then an immediate restart on the same DATA_DIR: every write
 * that was acknowledged must be there.
 */
const ADMIN = 'kill-test-admin-token-0123456789abcdef';
const env = { ADMIN_API_KEY: ADMIN, LOAD_SAMPLE_DATA: 'false' };
const auth = { authorization: `Bearer ${ADMIN}` };

type Ack =
  | { kind: 'declaration'; providerId: string; version: number; text: string }
  | { kind: 'import'; providerId: string; version: number; country: string; years: number[] }
  | { kind: 'key'; id: string };

async function post(url: string, route: string, contentType: string, body: string): Promise<{ status: number; body: any } | undefined> {
  try {
    const res = await fetch(`${url}${route}`, { method: 'POST', headers: { ...auth, 'content-type': contentType }, body });
    const parsed = await res.json();
    if (res.status >= 500) throw new Error(`server error ${res.status}: ${JSON.stringify(parsed)}`);
    return { status: res.status, body: parsed };
  } catch (error) {
    if ((error as Error).message.startsWith('server error')) throw error;
    return undefined; // the connection died with the server: never acknowledged
  }
}

/** One writer: the same kind of write again and again until the server dies. */
function writer(url: string, kind: number, acks: Ack[], onAck: () => void): Promise<void> {
  const providerId = kind % 2 ? 'kill-odd' : 'kill-even';
  return (async () => {
    for (let i = 0; ; i++) {
      const year = 1000 + kind * 1000 + i;
      let ack: Ack | undefined;
      if (kind < 2) {
        const doc = validDeclaration(providerId);
        doc.provider.name = `writer ${kind} #${i} \u202e`;
        const text = JSON.stringify(doc, null, i % 3);
        const res = await post(url, `/v1/providers/${providerId}/declarations`, 'application/json', text);
        if (!res) return;
        if (res.status === 201) ack = { kind: 'declaration', providerId, version: res.body.version, text };
      } else if (kind < 6) {
        const country = kind < 4 ? 'DE' : 'FR';
        const rows = [{ period: { start: `${year}-01-01`, end: `${year}-06-30` }, country, process: 'all', requests: year, accounts: 1 }];
        const res =
          kind < 4
            ? await post(url, `/v1/providers/${providerId}/transparency`, 'application/json', JSON.stringify(rows))
            : await post(url, `/v1/providers/${providerId}/transparency`, 'text/csv', `period.start,period.end,country,process,requests,accounts\n${year}-01-01,${year}-06-30,FR,all,${year},1\n`);
        if (!res) return;
        if (res.status === 201) ack = { kind: 'import', providerId, version: res.body.version, country, years: [year] };
      } else {
        const res = await post(url, '/v1/keys', 'application/json', JSON.stringify({ role: 'admin', label: `writer ${kind} #${i}` }));
        if (!res) return;
        if (res.status === 201) ack = { kind: 'key', id: res.body.id };
      }
      if (!ack) throw new Error(`writer ${kind} was refused`);
      acks.push(ack);
      onAck();
    }
  })();
}

let dataDir: string;
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('kill -9 during 8 concurrent writers of every kind', () => {
  it('restarts at once and keeps every acknowledged write', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'atlas-kill-'));
    const first = await startServer({ dataDir, env });
    servers.push(first);
    for (const id of ['kill-odd', 'kill-even']) {
      const res = await post(first.url, `/v1/providers/${id}/declarations`, 'application/json', JSON.stringify(validDeclaration(id)));
      expect(res?.status).toBe(201);
    }
    const acks: Ack[] = [];
    const killed = new Promise((resolve) => first.child.once('exit', resolve));
    const onAck = () => {
      if (acks.length === 60) first.child.kill('SIGKILL');
    };
    await Promise.all(Array.from({ length: 8 }, (_, kind) => writer(first.url, kind, acks, onAck)));
    await killed;
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(new Set(acks.map((a) => a.kind))).toEqual(new Set(['declaration', 'import', 'key']));

    const second = await startServer({ dataDir, env });
    servers.push(second);
    const read = async (route: string) => (await fetch(`${second.url}${route}`, { headers: auth })).json() as Promise<any>;
    const keyIds = new Set(((await read('/v1/keys')).keys as { id: string }[]).map((k) => k.id));
    for (const ack of acks) {
      if (ack.kind === 'key') expect(keyIds.has(ack.id)).toBe(true);
      else if (ack.kind === 'declaration') {
        const res = await fetch(`${second.url}/v1/providers/${ack.providerId}/declarations/${ack.version}`);
        expect(await res.text()).toBe(ack.text);
      } else {
        const doc = await read(`/v1/providers/${ack.providerId}/declarations/${ack.version}`);
        const years = new Set((doc.governmentRequests ?? []).filter((r: any) => r.country === ack.country).map((r: any) => r.requests));
        for (const year of ack.years) expect(years.has(year)).toBe(true);
      }
    }
    for (const id of ['kill-odd', 'kill-even']) {
      const versions = ((await read(`/v1/providers/${id}/declarations`)).versions as { version: number }[]).map((v) => v.version);
      expect(versions).toEqual(versions.map((_, i) => i + 1));
    }
    await second.stop();
  }, 60_000);
});
