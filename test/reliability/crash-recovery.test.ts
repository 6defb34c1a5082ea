import { connect } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { lockDataDir } from '../../src/store/data-dir-lock.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { runUntilExit } from '../support/process-run.js';
import { startServer, type RunningServer } from '../support/running-server.js';
import { validDeclaration } from '../support/service.js';

/**
 * The real server as a child process: hundreds of concurrent submissions, `kill -9`
 * mid-load, restart on the same DATA_DIR, and every acknowledged version must be there
 * byte for byte. Then the single-writer lock and a graceful SIGTERM under load.
 */
const ADMIN = 'crash-test-admin-token-0123456789abcdef';
const env = { ADMIN_API_KEY: ADMIN, LOAD_SAMPLE_DATA: 'false', RATE_LIMIT_PER_MINUTE: '60' };
/** Admin keys are exempt from the rate limit, which stays on as in production. */
const asAdmin = { headers: { authorization: `Bearer ${ADMIN}` } };
const PROVIDERS = ['alpha-mail', 'beta-chat', 'gamma-voice', 'delta-sms', 'epsilon-vpn'];

interface Ack {
  providerId: string;
  version: number;
  text: string;
}

/** A distinct document per submission, with odd whitespace so byte-identity means something. */
function submission(i: number): { providerId: string; text: string } {
  const providerId = PROVIDERS[i % PROVIDERS.length];
  const doc = validDeclaration(providerId);
  doc.provider.name = `load #${i} \u{1F4E8} "quoted" \u202e`;
  return { providerId, text: JSON.stringify(doc, null, i % 4).replace('"asOf"', ' '.repeat(i % 3) + '"asOf"') + '\n'.repeat(i % 2) };
}

async function submit(url: string, i: number): Promise<Ack | undefined> {
  const { providerId, text } = submission(i);
  try {
    const res = await fetch(`${url}/v1/providers/${providerId}/declarations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
      body: text,
    });
    const body = (await res.json()) as { version: number; status?: number };
    if (res.status >= 500) throw new Error(`server error ${res.status}: ${JSON.stringify(body)}`);
    return res.status === 201 ? { providerId, version: body.version, text } : undefined;
  } catch (error) {
    if ((error as Error).message.startsWith('server error')) throw error;
    return undefined; // the connection died with the server: never acknowledged
  }
}

let dataDir: string;
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('crash safety of the real server', () => {
  it('loses no acknowledged write to kill -9, refuses a second writer, and drains on SIGTERM', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'atlas-crash-'));

    // 1. Hundreds of concurrent submissions; kill -9 once a third of them are acknowledged.
    const first = await startServer({ dataDir, env });
    servers.push(first);
    const acked: Ack[] = [];
    const TOTAL = 300;
    const killed = new Promise((resolve) => first.child.once('exit', resolve));
    const load = Array.from({ length: TOTAL }, (_, i) =>
      submit(first.url, i).then((ack) => {
        if (!ack) return;
        acked.push(ack);
        if (acked.length === 100) first.child.kill('SIGKILL');
      }),
    );
    await Promise.all(load);
    await killed;
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acked.length).toBeGreaterThanOrEqual(100);
    expect(acked.length).toBeLessThan(TOTAL);
    // 2. Restart at once on the same DATA_DIR: the kernel freed the lock with the process; every acknowledged version is there.
    const second = await startServer({ dataDir, env });
    servers.push(second);
    await Promise.all(
      acked.map(async ({ providerId, version, text }) => {
        const res = await fetch(`${second.url}/v1/providers/${providerId}/declarations/${version}`, asAdmin);
        expect(res.status).toBe(200);
        expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(text, 'utf8'))).toBe(true);
      }),
    );
    for (const providerId of PROVIDERS) {
      const history = (await (await fetch(`${second.url}/v1/providers/${providerId}/declarations`, asAdmin)).json()) as { versions: { version: number }[] };
      const versions = history.versions.map((v) => v.version);
      expect(versions).toEqual(versions.map((_, i) => i + 1));
      expect(versions.length).toBeGreaterThanOrEqual(Math.max(0, ...acked.filter((a) => a.providerId === providerId).map((a) => a.version)));
    }

    // 3. A second server on the same DATA_DIR refuses to start and changes nothing.
    const intruder = await runUntilExit({ DATA_DIR: dataDir, ADMIN_API_KEY: ADMIN });
    expect(intruder.code).not.toBe(0);
    expect(intruder.output).toContain(`in use by another retention-atlas process (pid ${second.child.pid})`);

    // 4. SIGTERM under load: stop accepting, finish in-flight writes, exit 0, release the lock.
    //    One request is held mid-body across the signal: it must still be answered 201.
    const slow = submission(TOTAL + 1000);
    const { port } = new URL(second.url);
    const socket = connect(Number(port), '127.0.0.1');
    let slowAnswer = '';
    socket.on('data', (c) => (slowAnswer += c));
    const slowDone = new Promise((resolve) => socket.on('close', resolve));
    const body = Buffer.from(slow.text, 'utf8');
    socket.write(
      `POST /v1/providers/${slow.providerId}/declarations HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ADMIN}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
    );
    socket.write(body.subarray(0, 100));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const drained: Ack[] = [];
    const exited = new Promise<number | null>((resolve) => second.child.once('exit', (code) => resolve(code)));
    let signalled = false;
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        submit(second.url, TOTAL + i).then((ack) => {
          if (ack) drained.push(ack);
          if (!signalled) {
            signalled = true;
            second.child.kill('SIGTERM');
          }
        }),
      ),
    );
    process.env.CRASH_TEST_VERBOSE && console.log(`acked before kill -9: ${acked.length}/${TOTAL}; acked during SIGTERM drain: ${drained.length}/60`);
    // New connections are refused while the held request is still open…
    await expect(fetch(`${second.url}/healthz`)).rejects.toThrow();
    socket.write(body.subarray(100));
    await slowDone;
    // …and the held request still completes.
    expect(slowAnswer).toMatch(/^HTTP\/1\.1 201 /);
    drained.push({ providerId: slow.providerId, version: Number(/"version":(\d+)/.exec(slowAnswer)![1]), text: slow.text });
    expect(await exited).toBe(0);
    expect(second.output()).toContain('every acknowledged write is on disk');
    const lock = await lockDataDir(dataDir); // released on exit
    const store = await LowdbStore.open(dataDir);
    for (const { providerId, version, text } of drained) expect((await store.version(providerId, version))?.body).toBe(text);
    await store.close();
    lock.release();
  }, 60_000);
});
