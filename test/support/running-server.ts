import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
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
  /** Script to run, relative to the project root; it must log `listening on http://…`. A `.ts` entry runs through tsx, a `.js` one (dist/) as it is. */
  entry?: string;
  /** An existing data directory; by default a fresh temporary one, removed on stop. */
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Write the server's standard output and error to this file instead of piping them into this process. */
  logFile?: string;
}

/**
 * Starts the real service (by default from its sources, `node --import tsx src/main.ts`;
 * benchmarks pass the compiled `dist/main.js` that `npm start` runs; PORT=0) and resolves once it logs the URL it listens on. For browser tests and benchmarks.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'atlas-server-')));
  const started = performance.now();
  const entry = options.entry ?? 'src/main.ts';
  // A log file keeps the server's lines out of this process (a load generator that reads every
  // log line shares the cores with the server it measures); readiness is then read from the file.
  const logFd = options.logFile === undefined ? undefined : openSync(options.logFile, 'w');
  const child = spawn(process.execPath, entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...options.env },
    stdio: logFd === undefined ? ['ignore', 'pipe', 'pipe'] : ['ignore', logFd, logFd],
  });
  if (logFd !== undefined) closeSync(logFd);
  let log = '';
  const output = () => (options.logFile === undefined ? log : readFileSync(options.logFile, 'utf8'));
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));

  const url = await new Promise<string>((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 30000;
    let poll: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(timer);
      clearInterval(poll);
    };
    const timer = setTimeout(() => {
      done();
      child.kill('SIGKILL'); // a server that did not start must not go on writing into its data directory
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output());
      if (match) {
        done();
        resolve(match[1]);
      }
    };
    if (options.logFile === undefined) child.stdout!.on('data', check);
    else poll = setInterval(check, 10);
    child.once('exit', (code) => {
      done();
      reject(new Error(`server exited with ${code} before listening:\n${output()}`));
    });
  });
  const startupMs = performance.now() - started;

  return {
    url,
    dataDir,
    child,
    startupMs,
    output,
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
