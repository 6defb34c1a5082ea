import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { LowdbKeyStore } from '../../src/auth/lowdb-key-store.js';
import { MemoryAuditLog } from '../../src/audit/audit-log.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { runUntilExit } from '../support/process-run.js';
import { ADMIN_TOKEN, adminAuth, testService, validDeclaration } from '../support/service.js';

let check: Awaited<ReturnType<typeof openApiResponseValidator>>;
beforeAll(async () => {
  check = await openApiResponseValidator();
});

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'atlas-failure-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('a store file that does not parse', () => {
  it.each([
    ['a truncated provider file', 'providers/veritalk.json', '{"providerId":"veritalk","versions":[{"providerId":"veritalk","vers'],
    ['a provider file of the wrong shape', 'providers/veritalk.json', '{"providerId":"someone-else","versions":[]}'],
    ['a garbled key file', 'keys.json', '\u0000\u0000\u0000'],
  ])('stops the server from starting with %s: non-zero exit, the file named, not a byte changed', async (_name, relative, content) => {
    const dataDir = await tempDir();
    const file = path.join(dataDir, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    const { code, output } = await runUntilExit({ DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(output).toContain(`cannot start: `);
    expect(output).toContain(file);
    expect(await readFile(file, 'utf8')).toBe(content);
  }, 20_000);
});

/**
 * Disk full and unwritable storage, simulated where the write happens: the adapter's
 * temporary file (`<file>.<pid>.tmp`) is made a symlink to /dev/full (the kernel answers
 * ENOSPC on write) or into /sys (the kernel refuses to create it, EACCES). Tests run as
 * root here, so a read-only directory by chmod would not stop any write.
 */
describe('a write the disk refuses', () => {
  it.each([
    ['disk full (ENOSPC)', '/dev/full'],
    ['storage that refuses new files (EACCES)', '/sys/atlas-cannot-create.tmp'],
  ])('%s: 503 problem with Retry-After, earlier data intact, reads keep working', async (_name, target) => {
    const dataDir = await tempDir();
    const { app, store } = await testService(await LowdbStore.open(dataDir));
    const submit = (doc: object) =>
      request(app).post('/v1/providers/veritalk/declarations').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(doc));
    await submit(validDeclaration()).expect(201);
    const file = path.join(dataDir, 'providers', 'veritalk.json');
    const before = await readFile(file);

    const temp = `${file}.${process.pid}.tmp`;
    await symlink(target, temp);
    const res = await submit({ ...validDeclaration(), asOf: '2025-01-01' });
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('30');
    check('post', '/v1/providers/{providerId}/declarations', res);

    expect((await readFile(file)).equals(before)).toBe(true);
    expect((await store.history('veritalk')).map((v) => v.version)).toEqual([1]);
    const latest = await request(app).get('/v1/providers/veritalk').expect(200);
    expect(latest.body.latestVersion).toBe(1);
    await request(app).get('/v1/providers/veritalk/declarations/1').expect(200);

    // Once the disk accepts writes again, the next submission takes the number that failed.
    await rm(temp, { force: true });
    const next = await submit({ ...validDeclaration(), asOf: '2025-02-01' }).expect(201);
    expect(next.body.version).toBe(2);
  });

  it('minting a key on a full disk: 503, and no key that works half-way', async () => {
    const dataDir = await tempDir();
    const keys = await LowdbKeyStore.open(dataDir);
    const { app } = await testService(undefined, { auth: { keys, audit: new MemoryAuditLog(), adminToken: ADMIN_TOKEN } });
    await symlink('/dev/full', `${path.join(dataDir, 'keys.json')}.${process.pid}.tmp`);
    const res = await request(app).post('/v1/keys').set(adminAuth).set('content-type', 'application/json').send('{"role":"admin"}');
    expect(res.status).toBe(503);
    check('post', '/v1/keys', res);
    expect(await keys.list()).toEqual([]);
    await keys.close();
  });
});
