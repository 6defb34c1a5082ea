import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { cli, tempFile } from './run-cli.js';

const SOURCE = { url: 'https://example.org/report', title: 'Report', kind: 'technical-test' };
const observation = (pointer: string, value: unknown, extra: object = {}) => JSON.stringify({ pointer, value, statement: 'Tested.', observedAt: '2024-05-01', sources: [SOURCE], ...extra });

describe('retention-atlas observations (data directory)', () => {
  it('records observations through the same checks as the API, and lists them', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'atlas-obs-'));
    const store = await LowdbStore.open(dataDir);
    await store.close();
    const first = await cli('observations', 'add', 'silent-chat', tempFile('a.json', observation('/legalProcess/liveInterception', 'supported', { providerName: 'Silent Chat' })), '--data-dir', dataDir, '--organisation', 'Open Rights Lab');
    expect(first).toEqual(expect.objectContaining({ code: 0 }));
    expect(first.out).toContain('recorded observation 1 of silent-chat');

    const bad = await cli('observations', 'add', 'silent-chat', tempFile('b.json', observation('/legalProcess/wiretaps', 'yes')), '--data-dir', dataDir);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('/pointer');

    const list = await cli('observations', 'list', 'silent-chat', '--data-dir', dataDir);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/#1 active\s+2024-05-01 Open Rights Lab: \/legalProcess\/liveInterception = supported/);
    const json = await cli('observations', 'list', 'silent-chat', '--data-dir', dataDir, '--json');
    expect(JSON.parse(json.out)).toEqual([expect.objectContaining({ id: 1, organisation: 'Open Rights Lab', providerName: 'Silent Chat' })]);
  });

  it('says where to act when given neither a server nor a directory', async () => {
    const run = await cli('observations', 'list', 'silent-chat');
    expect(run.code).toBe(2);
    expect(run.err).toContain('--server');
  });
});
