import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { projectRoot } from '../../src/paths.js';
import { lockDataDir } from '../../src/store/data-dir-lock.js';
import { StoreOpenError } from '../../src/store/store.js';

let dir: string;
const children: ChildProcess[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'atlas-lock-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

/** Another process that takes the lock of `dir` and holds it until killed. */
async function holderProcess(): Promise<ChildProcess> {
  const script = `import { lockDataDir } from './src/store/data-dir-lock.ts'; await lockDataDir(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (c) => (err += c));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c) => String(c).includes('locked') && resolve());
    child.once('exit', (code) => reject(new Error(`holder exited with ${code}: ${err}`)));
  });
  return child;
}

describe('the DATA_DIR lock (a listening Unix socket)', () => {
  it('refuses a second holder naming the holding pid, and is free again once released', async () => {
    const lock = await lockDataDir(dir);
    const second = lockDataDir(dir);
    await expect(second).rejects.toThrow(StoreOpenError);
    await expect(lockDataDir(dir)).rejects.toThrow(`DATA_DIR ${dir} is in use by another retention-atlas process (pid ${process.pid})`);
    lock.release();
    lock.release();
    const again = await lockDataDir(dir);
    again.release();
  });

  it('is the same lock whatever path names the directory', async () => {
    const link = `${dir}-link`;
    await symlink(dir, link);
    const lock = await lockDataDir(dir);
    try {
      await expect(lockDataDir(link)).rejects.toThrow(StoreOpenError);
      await expect(lockDataDir(`${dir}/./`)).rejects.toThrow(StoreOpenError);
    } finally {
      lock.release();
      await rm(link);
    }
  });

  it('refuses while another live process holds it, and is free the moment that process is killed with -9', async () => {
    const holder = await holderProcess();
    await expect(lockDataDir(dir)).rejects.toThrow(`(pid ${holder.pid})`);
    const gone = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL');
    await gone;
    const lock = await lockDataDir(dir); // no manual step, no waiting
    lock.release();
  }, 20_000);

  it('ignores a pid file left by the first release, even one naming a live process', async () => {
    await writeFile(path.join(dir, '.lock'), '1\n'); // pid 1 is always alive
    const lock = await lockDataDir(dir);
    expect(existsSync(path.join(dir, '.lock'))).toBe(false);
    lock.release();
  });
});
