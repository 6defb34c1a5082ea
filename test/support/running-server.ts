import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/paths.js';

export interface RunningServer {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** Milliseconds from spawn until the server logged its URL. */
  startupMs: number;
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Script to run, relative to the project root; it must log `listening on http://…`. */
  entry?: string;
  /** An existing data directory; by default a fresh temporary one, removed on stop. */
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/**
 * Starts the real service the way an operator does (`node --import tsx src/main.ts`,
 * PORT=0) and resolves once it logs the URL it listens on. For browser tests and benchmarks.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'atlas-server-')));
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', options.entry ?? 'src/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${options.timeoutMs ?? 30000} ms:\n${log}`)), options.timeoutMs ?? 30000);
    child.stdout!.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${log}`));
    });
  });
  const startupMs = performance.now() - started;

  return {
    url,
    dataDir,
    child,
    startupMs,
    output: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
