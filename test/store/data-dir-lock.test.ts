import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { lockDataDir } from '../../src/store/data-dir-lock.js';
import { StoreOpenError } from '../../src/store/store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'atlas-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the DATA_DIR lock', () => {
  it('is created with our pid and removed on release', async () => {
    const lock = await lockDataDir(dir);
    expect(await readFile(path.join(dir, '.lock'), 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
    lock.release();
    expect(existsSync(path.join(dir, '.lock'))).toBe(false);
  });

  it('refuses while another live process holds it, naming the pid and the file', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      await writeFile(path.join(dir, '.lock'), `${other.pid}\n`);
      const attempt = lockDataDir(dir);
      await expect(attempt).rejects.toThrow(StoreOpenError);
      await expect(attempt).rejects.toThrow(`pid ${other.pid}, lock file ${path.join(dir, '.lock')}`);
      expect(await readFile(path.join(dir, '.lock'), 'utf8')).toBe(`${other.pid}\n`);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it.each([
    ['a dead pid', () => String(spawnSync(process.execPath, ['-e', '']).pid)],
    ['an empty file (a crash before the pid was written)', () => ''],
    ['our own pid (a restarted container)', () => String(process.pid)],
  ])('takes over a stale lock holding %s', async (_name, content) => {
    await writeFile(path.join(dir, '.lock'), content());
    const lock = await lockDataDir(dir);
    expect(await readFile(path.join(dir, '.lock'), 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
  });
});
