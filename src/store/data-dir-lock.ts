import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import path from 'node:path';
import { StoreOpenError } from './store.js';

export interface DataDirLock {
  file: string;
  /** Removes the lock file; safe to call more than once, and from an `exit` handler. */
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function createExclusive(file: string): Promise<boolean> {
  try {
    const handle = await open(file, 'wx');
    await handle.writeFile(`${process.pid}\n`);
    await handle.sync();
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new StoreOpenError(`cannot create lock file ${file}: ${(error as Error).message}`, file);
  }
}

/**
 * lowdb is single-process: two servers on one DATA_DIR would each overwrite the other's
 * writes. `DATA_DIR/.lock` holds the owner's pid, created exclusively. A lock whose pid
 * is no longer running (a crash, `kill -9`) or is our own pid (a container restarted
 * with the same pid) is stale and taken over.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, '.lock');
  if (!(await createExclusive(file))) {
    const owner = Number.parseInt((await readFile(file, 'utf8').catch(() => '')).trim(), 10);
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
      throw new StoreOpenError(`DATA_DIR ${dataDir} is in use by another retention-atlas process (pid ${owner}, lock file ${file}); stop it first, or use another DATA_DIR`, file);
    }
    await unlink(file).catch(() => undefined);
    if (!(await createExclusive(file))) throw new StoreOpenError(`another process took the lock ${file} while this one was starting`, file);
  }
  let held = true;
  return {
    file,
    release() {
      if (!held) return;
      held = false;
      try {
        unlinkSync(file);
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}
