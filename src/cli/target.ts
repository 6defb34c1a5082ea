import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { lockDataDir } from '../store/data-dir-lock.js';
import { CliError } from './cli-context.js';

/** Where a writing command acts: a running server (with a key) or a data directory on this machine. */
export type Target = { kind: 'server'; url: string; token: string } | { kind: 'local'; dataDir: string };

export interface TargetOptions {
  server?: string;
  token?: string;
  dataDir?: string;
}

export function addTargetOptions(command: Command): Command {
  return command
    .option('-s, --server <url>', 'a running retention-atlas, e.g. http://127.0.0.1:3000')
    .option('-t, --token <token>', 'API key for --server (default: env RETENTION_ATLAS_TOKEN)')
    .option('-d, --data-dir <dir>', 'act on the store in this directory instead (the server must not be running on it)');
}

export function targetOf(options: TargetOptions): Target {
  if (options.server && options.dataDir) throw new CliError('use either --server or --data-dir, not both');
  if (options.dataDir) return { kind: 'local', dataDir: options.dataDir };
  if (!options.server) throw new CliError('say where: --server <url> (with --token) or --data-dir <dir>');
  const token = options.token ?? process.env.RETENTION_ATLAS_TOKEN;
  if (!token) throw new CliError('--server needs an API key: --token <token> or env RETENTION_ATLAS_TOKEN');
  let url: URL;
  try {
    url = new URL(options.server);
  } catch {
    throw new CliError(`--server is not a URL: ${options.server}`);
  }
  return { kind: 'server', url: url.href.replace(/\/$/, ''), token };
}

export interface DataDirOptions {
  /** A store that must already exist (an import needs a provider in it): a mistyped path is an error, not a new empty store. */
  mustExist?: boolean;
}

/** Runs `work` holding the data directory's lock, so it never races a server on the same files. */
export async function withDataDir<T>(dataDir: string, work: () => Promise<T>, options: DataDirOptions = {}): Promise<T> {
  const kind = await stat(dataDir).then(
    (s) => (s.isDirectory() ? 'directory' : 'other'),
    () => 'missing',
  );
  if (kind === 'other') throw new CliError(`--data-dir ${dataDir} is not a directory`);
  if (kind === 'missing' && options.mustExist) throw new CliError(`--data-dir ${dataDir} does not exist (the directory the server was started with, DATA_DIR)`);
  const lock = await lockDataDir(dataDir).catch((error: Error) => {
    // The server holds the lock: say how to act through it instead.
    const hint = / is in use by /.test(error.message) ? '\n  (while it runs, go through it: --server <url> --token <key>)' : '';
    throw new CliError(error.message.replace(/^DATA_DIR /, '--data-dir ') + hint);
  });
  try {
    return await work();
  } finally {
    lock.release();
  }
}

interface Problem {
  title?: string;
  detail?: string;
  errors?: { pointer: string; message: string }[];
}

/** A failed API call as one readable message: status, title, detail and each error's pointer. */
export async function problemMessage(response: Response): Promise<string> {
  const text = await response.text();
  let problem: Problem = {};
  try {
    problem = JSON.parse(text) as Problem;
  } catch {
    problem = { detail: text.slice(0, 300) };
  }
  const errors = (problem.errors ?? []).map((e) => `\n  ${e.pointer || '(document)'}: ${e.message}`).join('');
  return `server answered ${response.status} ${problem.title ?? response.statusText}${problem.detail ? `: ${problem.detail}` : ''}${errors}`;
}

/** fetch that turns a refused connection into a readable CliError. */
export async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new CliError(`cannot reach ${new URL(url).origin}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
}
