import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LowdbKeyStore } from '../../src/auth/lowdb-key-store.js';
import { hashToken } from '../../src/auth/token.js';
import { projectRoot } from '../../src/paths.js';
import { lockDataDir } from '../../src/store/data-dir-lock.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { ADMIN_TOKEN, testService, validDeclaration, type TestService } from '../support/service.js';
import { listen, type Listening } from '../support/listen.js';
import { cli, tempDir } from './run-cli.js';

const CSV = path.join(projectRoot, 'test/fixtures/transparency/google-user-data-requests-excerpt.csv');
const freshDir = () => tempDir('atlas-cli-data-');

describe('retention-atlas keys create', () => {
  it('mints a key into DATA_DIR/keys.json and prints its token once', async () => {
    const dir = freshDir();
    const run = await cli('keys', 'create', '--role', 'provider', '--provider', 'veritalk', '--data-dir', dir, '--json');
    expect(run.code).toBe(0);
    const key = JSON.parse(run.out);
    expect(key).toMatchObject({ role: 'provider', providerId: 'veritalk' });
    const stored = await (await LowdbKeyStore.open(dir)).find(key.id);
    expect(stored?.hash).toBe(hashToken(key.token));
    expect(readFileSync(path.join(dir, 'keys.json'), 'utf8')).not.toContain(key.token);
  });

  it('refuses a provider key without a provider, and a missing target', async () => {
    const noProvider = await cli('keys', 'create', '--role', 'provider', '--data-dir', freshDir());
    expect(noProvider.code).toBe(2);
    expect(noProvider.err).toContain('providerId');
    const nowhere = await cli('keys', 'create', '--role', 'admin');
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toContain('--server');
  });
});

describe('retention-atlas import-transparency --data-dir', () => {
  it("adds the CSV's rows to the provider's declaration as a new version", async () => {
    const dir = freshDir();
    const store = await LowdbStore.open(dir);
    await store.append('veritalk', { expectedVersion: 0, body: JSON.stringify(validDeclaration('veritalk')) });
    await store.close();

    const run = await cli('import-transparency', CSV, '--provider', 'veritalk', '--data-dir', dir);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/180 rows read \(google[-a-z]* layout\): 180 added/);
    expect(run.out).toContain('veritalk: new version 2');
    const reopened = await LowdbStore.open(dir);
    const v2 = JSON.parse((await reopened.version('veritalk', 2))!.body);
    expect(v2.governmentRequests.length).toBeGreaterThan(0);
  });

  it('refuses a data directory that does not exist instead of creating an empty store', async () => {
    const missing = path.join(freshDir(), 'typo');
    const run = await cli('import-transparency', CSV, '--provider', 'veritalk', '--data-dir', missing);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`--data-dir ${missing} does not exist`);
    expect(existsSync(missing)).toBe(false);
  });

  it('is refused while a running server holds the data directory, and points to --server', async () => {
    const dir = freshDir();
    const lock = await lockDataDir(dir); // as a running server holds it
    for (const argv of [
      ['import-transparency', CSV, '--provider', 'veritalk', '--data-dir', dir],
      ['keys', 'create', '--role', 'admin', '--data-dir', dir],
    ]) {
      const run = await cli(...argv);
      expect(run.code).toBe(2);
      expect(run.err).toContain(`is in use by another retention-atlas process (pid ${process.pid})`);
      expect(run.err).toContain('--server <url> --token <key>');
    }
    lock.release();
  });

  it('says so when the provider does not exist', async () => {
    const run = await cli('import-transparency', CSV, '--provider', 'nobody', '--data-dir', freshDir());
    expect(run.code).toBe(1);
    expect(run.err).toContain('no provider "nobody"');
  });
});

describe('against a running server', () => {
  let service: TestService;
  let url: string;
  let server: Listening;

  beforeAll(async () => {
    service = await testService();
    server = await listen(service.app);
    url = server.url;
    await service.atlas.submit('veritalk', validDeclaration('veritalk'), JSON.stringify(validDeclaration('veritalk')));
  });
  afterAll(async () => {
    await server.close();
  });

  it('keys create posts to /v1/keys with the admin token', async () => {
    const run = await cli('keys', 'create', '--role', 'provider', '--provider', 'veritalk', '--server', url, '--token', ADMIN_TOKEN);
    expect(run.code).toBe(0);
    const token = /token \(shown once, store it now\): (\S+)/.exec(run.out)![1];
    expect((await service.keys.list()).map((k) => k.hash)).toContain(hashToken(token));
  });

  it('import-transparency uploads the CSV, and reports a refusal readably', async () => {
    const run = await cli('import-transparency', CSV, '--provider', 'veritalk', '--server', url, '--token', ADMIN_TOKEN);
    expect(run.code).toBe(0);
    expect(run.out).toContain('veritalk: new version 2');
    const refused = await cli('import-transparency', CSV, '--provider', 'veritalk', '--server', url, '--token', 'ra_0000000000000000.wrong');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/server answered 401/);
  });
});

describe('retention-atlas import-transparency output', () => {
  it('lists at most 20 skipped rows and says how many more there are', async () => {
    const dir = freshDir();
    const store = await LowdbStore.open(dir);
    await store.append('veritalk', { expectedVersion: 0, body: JSON.stringify(validDeclaration('veritalk')) });
    await store.close();
    const csv = readFileSync(CSV, 'utf8');
    const rows = csv.split('\n').slice(1).filter(Boolean);
    const doubled = path.join(dir, 'doubled.csv');
    writeFileSync(doubled, `${csv.trimEnd()}\n${rows.slice(0, 30).join('\n')}\n`); // 30 repeated rows: skipped
    const run = await cli('import-transparency', doubled, '--provider', 'veritalk', '--data-dir', dir);
    expect(run.code).toBe(0);
    expect(run.out).toContain('30 skipped');
    expect(run.out.match(/: skipped: /g)).toHaveLength(20);
    expect(run.out).toContain('… and 10 more skipped rows (--json lists them all)');
  });
});
