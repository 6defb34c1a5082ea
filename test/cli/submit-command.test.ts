import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_TOKEN, testService, validDeclaration, type TestService } from '../support/service.js';
import { listen, type Listening } from '../support/listen.js';
import { cli, tempFile } from './run-cli.js';

let service: TestService;
let url: string;
let server: Listening;

beforeAll(async () => {
  service = await testService();
  server = await listen(service.app);
  url = server.url;
});
afterAll(async () => {
  await server.close();
});

const versions = async (id: string) => (await service.store.history(id)).length;

describe('retention-atlas submit', () => {
  it('publishes a first version over the API', async () => {
    const file = tempFile('veritalk.json', JSON.stringify(validDeclaration('veritalk')));
    const run = await cli('submit', file, '--server', url, '--token', ADMIN_TOKEN);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('submitted veritalk v1');
    expect(await versions('veritalk')).toBe(1);
  });

  it('--dry-run shows the version it would get, the diff and the cells that move, and stores nothing', async () => {
    const draft = validDeclaration('veritalk');
    draft.dataCategories[1].retention = { kind: 'indefinite' };
    draft.dataCategories[1].protection = { inTransit: 'transport', atRest: 'provider-managed' };
    const file = tempFile('draft.json', JSON.stringify(draft));
    const run = await cli('submit', file, '--server', url, '--token', ADMIN_TOKEN, '--dry-run', '--json');
    expect(run.code).toBe(0);
    const preview = JSON.parse(run.out);
    expect(preview).toMatchObject({ providerId: 'veritalk', version: 2, created: false, wouldCreate: true });
    expect(preview.diff).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: '/dataCategories/1/retention', kind: 'retention-lengthened' }),
        expect.objectContaining({ pointer: '/dataCategories/1/protection/atRest', kind: 'protection-weakened' }),
      ]),
    );
    expect(Array.isArray(preview.findings) && Array.isArray(preview.warnings)).toBe(true);
    expect(await versions('veritalk')).toBe(1);

    const text = await cli('submit', file, '--server', url, '--token', ADMIN_TOKEN, '--dry-run');
    expect(text.out).toContain('dry run: would be veritalk v2; nothing was stored');
    expect(text.out).toMatch(/retention-lengthened \/dataCategories\/1\/retention/);
    expect(await versions('veritalk')).toBe(1);
  });

  it("the exposure change of a dry run is exactly what publishing then changes", async () => {
    const cells = async () => (await (await fetch(`${url}/v1/providers/veritalk/exposure`)).json()).cells as { category: string; jurisdiction: string; established: number; worstCase: number }[];
    const draft = validDeclaration('veritalk');
    draft.dataCategories[0].storageLocations = ['CN'];
    draft.dataCategories.push({ category: 'stored-files', collected: 'yes', retention: { kind: 'indefinite' }, storageLocations: ['RU'], protection: { inTransit: 'none', atRest: 'none' } });
    const body = JSON.stringify(draft);
    const headers = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };
    const before = await cells();
    const preview = await (await fetch(`${url}/v1/providers/veritalk/declarations?dryRun=true`, { method: 'POST', headers, body })).json();
    expect(await versions('veritalk')).toBe(1);
    const written = await fetch(`${url}/v1/providers/veritalk/declarations`, { method: 'POST', headers, body });
    expect(written.status).toBe(201);
    expect((await written.json()).version).toBe(preview.version);
    const after = await cells();
    const key = (c: { category: string; jurisdiction: string }) => `${c.category}@${c.jurisdiction}`;
    const was = new Map(before.map((c) => [key(c), c]));
    const changed = after.filter((c) => !was.has(key(c)) || was.get(key(c))!.established !== c.established || was.get(key(c))!.worstCase !== c.worstCase).map(key).sort();
    expect(changed.length).toBeGreaterThan(0);
    expect(preview.exposureChange.map(key).sort()).toEqual(changed);
    for (const change of preview.exposureChange) {
      const now = after.find((c) => key(c) === key(change))!;
      expect([change.after.established, change.after.worstCase]).toEqual([now.established, now.worstCase]);
    }
  });

  it('a first version previews every cell as new', async () => {
    const preview = await (await fetch(`${url}/v1/providers/newcomer/declarations?dryRun=true`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(validDeclaration('newcomer')) })).json();
    expect(preview).toMatchObject({ version: 1, created: false, diff: [] });
    expect(preview.exposureChange.length).toBeGreaterThan(0);
    expect(preview.exposureChange.every((c: { before: unknown }) => c.before === null)).toBe(true);
    expect(await versions('newcomer')).toBe(0);
  });

  it('a dry run of an invalid draft fails exactly as the write would (422), with pointers', async () => {
    const draft = validDeclaration('veritalk');
    draft.dataCategories[0].retention = { kind: 'fixed', duration: 'P14m' };
    const body = JSON.stringify(draft);
    const headers = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };
    const dry = await fetch(`${url}/v1/providers/veritalk/declarations?dryRun=true`, { method: 'POST', headers, body });
    const write = await fetch(`${url}/v1/providers/veritalk/declarations`, { method: 'POST', headers, body });
    expect(dry.status).toBe(422);
    expect(write.status).toBe(422);
    expect((await dry.json()).errors).toEqual((await write.json()).errors);
    const run = await cli('submit', tempFile('bad.json', body), '--server', url, '--token', ADMIN_TOKEN, '--dry-run');
    expect(run.code).toBe(1);
    expect(run.err).toContain('/dataCategories/0/retention/duration');
    expect(await versions('veritalk')).toBe(2);
  });

  it('a dry run needs no key: it stores nothing (issue 22); the CLI previews without --token', async () => {
    const res = await fetch(`${url}/v1/providers/veritalk/declarations?dryRun=true`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(validDeclaration('veritalk')) });
    expect(res.status).toBe(200);
    const bad = await fetch(`${url}/v1/providers/veritalk/declarations?dryRun=maybe`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(validDeclaration('veritalk')) });
    expect(bad.status).toBe(400);
    const preview = await cli('submit', tempFile('draft.json', JSON.stringify(validDeclaration('veritalk'))), '--server', url, '--dry-run');
    expect(preview.code).toBe(0);
  });

  it('says what is missing: a key, a readable file, a provider id', async () => {
    const noToken = await cli('submit', tempFile('x.json', '{}'), '--server', url);
    expect(noToken.code).toBe(2);
    expect(noToken.err).toContain('API key');
    const missing = await cli('submit', '/no/such/file.json', '--server', url, '--token', ADMIN_TOKEN);
    expect(missing.err).toContain('no such file');
    const anonymous = await cli('submit', tempFile('anon.json', '{"format":"retention-declaration/1"}'), '--server', url, '--token', ADMIN_TOKEN);
    expect(anonymous.err).toContain('--provider');
  });
});
