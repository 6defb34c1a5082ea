import { createHash } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { mkdir, realpath, unlink } from 'node:fs/promises';
import { createConnection, createServer, type Server } from 'node:net';
import path from 'node:path';
import { StoreOpenError } from './store.js';

export interface DataDirLock {
  /** The socket name that holds the lock (abstract names start with a NUL byte). */
  address: string;
  /** Gives the lock up; safe to call more than once, and from an `exit` handler. */
  release(): void;
}

/**
 * The socket that stands for a data directory. On Linux: a name in the abstract socket
 * namespace, derived from the directory's real path — it exists only while a process holds
 * it bound and leaves no file behind. Elsewhere: a socket file inside the directory.
 */
async function lockAddress(dataDir: string): Promise<string> {
  const real = await realpath(dataDir);
  if (process.platform === 'linux') return `\0retention-atlas-lock-${createHash('sha256').update(real).digest('hex').slice(0, 40)}`;
  return path.join(real, '.lock.sock');
}

function listen(address: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    // Whoever asks is told who holds the lock, so the refusal can name the process.
    const server = createServer((socket) => socket.end(`${process.pid}\n`));
    server.once('error', reject);
    server.listen({ path: address, exclusive: true }, () => {
      server.off('error', reject);
      server.unref(); // the lock never keeps the process alive
      resolve(server);
    });
  });
}

/** The pid of the live process holding `address`, or undefined when nobody answers (the holder is gone). */
function holderOf(address: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const socket = createConnection({ path: address });
    let text = '';
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('data', (chunk) => (text += chunk));
    socket.on('error', () => resolve(undefined));
    socket.on('close', () => resolve(Number.parseInt(text, 10) || -1));
  });
}

/**
 * lowdb is single-process: two servers on one DATA_DIR would each overwrite the other's
 * writes. The lock is a listening Unix socket (see lockAddress), because the kernel owns
 * it: when the process dies — exit, crash, `kill -9`, even while it lingers as a zombie —
 * the socket is closed and the name is free at once, and no recycled pid can fake a holder.
 * A second process that binds the same name gets EADDRINUSE and, connecting, learns the
 * holder's pid. (A pid file cannot tell a dead holder from a zombie or a reused pid.)
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true });
  const address = await lockAddress(dataDir);
  let server: Server;
  try {
    server = await listen(address);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw new StoreOpenError(`cannot lock DATA_DIR ${dataDir}: ${(error as Error).message}`);
    const holder = await holderOf(address);
    if (holder !== undefined) {
      const who = holder > 0 ? `pid ${holder}` : 'pid unknown';
      throw new StoreOpenError(`DATA_DIR ${dataDir} is in use by another retention-atlas process (${who}); stop it first, or use another DATA_DIR`);
    }
    // Only a socket *file* can outlive its holder (not on Linux, where the name is abstract).
    await unlink(address).catch(() => undefined);
    server = await listen(address).catch((again: Error) => {
      throw new StoreOpenError(`another process took the lock of DATA_DIR ${dataDir} while this one was starting (${again.message})`);
    });
  }
  // The first release kept a pid file here; it means nothing now.
  await unlink(path.join(dataDir, '.lock')).catch(() => undefined);
  let held = true;
  return {
    address,
    release() {
      if (!held) return;
      held = false;
      server.close();
      if (address.startsWith('\0')) return;
      try {
        unlinkSync(address);
      } catch {
        // Already gone.
      }
    },
  };
}
