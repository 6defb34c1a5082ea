import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { JsonlAuditLog } from '../../src/audit/jsonl-audit-log.js';
import { StoreOpenError } from '../../src/store/store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'atlas-audit-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entry = (n: number) => ({ keyId: `key_${n}`, role: 'admin', method: 'POST', path: `/v1/x/${n}`, status: 201 });

describe('the JSON Lines audit log', () => {
  it('keeps only the newest entries in memory and reads older pages from the file', async () => {
    const lines = Array.from({ length: 2500 }, (_, i) => JSON.stringify({ seq: i + 1, at: '2026-01-01T00:00:00.000Z', ...entry(i + 1) }) + '\n');
    await writeFile(path.join(dir, 'audit.jsonl'), lines.join(''));
    const log = await JsonlAuditLog.open(dir);
    expect((log as unknown as { recent: unknown[] }).recent.length).toBeLessThanOrEqual(1000);
    expect((await log.append(entry(2501))).seq).toBe(2501);
    const newest = await log.list({ limit: 3, offset: 0 });
    expect(newest.total).toBe(2501);
    expect(newest.items.map((e) => e.seq)).toEqual([2501, 2500, 2499]);
    const deep = await log.list({ limit: 3, offset: 2400 });
    expect(deep.total).toBe(2501);
    expect(deep.items.map((e) => e.seq)).toEqual([101, 100, 99]);
    expect((await log.list({ limit: 5, offset: 2499 })).items.map((e) => e.seq)).toEqual([2, 1]);
    await log.close();
  });

  it('appends in order, survives a reopen and pages newest first', async () => {
    const log = await JsonlAuditLog.open(dir);
    await Promise.all([1, 2, 3].map((n) => log.append(entry(n))));
    await log.close();
    const reopened = await JsonlAuditLog.open(dir);
    const page = await reopened.list({ limit: 2, offset: 0 });
    expect(page.total).toBe(3);
    expect(page.items.map((e) => [e.seq, e.keyId])).toEqual([[3, 'key_3'], [2, 'key_2']]);
    expect((await reopened.append(entry(4))).seq).toBe(4);
    await reopened.close();
  });

  it('cuts off a torn last line left by a crash, and says so', async () => {
    const log = await JsonlAuditLog.open(dir);
    await log.append(entry(1));
    await log.close();
    await appendFile(path.join(dir, 'audit.jsonl'), '{"seq":2,"at":"20');
    const warnings: string[] = [];
    const reopened = await JsonlAuditLog.open(dir, undefined, (m) => warnings.push(m));
    expect(warnings).toEqual([expect.stringContaining('torn last line')]);
    await reopened.append(entry(2));
    await reopened.close();
    const lines = (await readFile(path.join(dir, 'audit.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).seq)).toEqual([1, 2]);
  });

  it('refuses to open over an unreadable line in the middle, touching nothing', async () => {
    const text = '{"seq":1}\nnot json\n{"seq":3}\n';
    await writeFile(path.join(dir, 'audit.jsonl'), text);
    await expect(JsonlAuditLog.open(dir)).rejects.toThrow(StoreOpenError);
    expect(await readFile(path.join(dir, 'audit.jsonl'), 'utf8')).toBe(text);
  });
});
