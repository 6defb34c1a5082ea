/**
 * What the benchmarks start: the compiled service that `npm start` runs (dist/main.js), built
 * first when missing or stale, each server logging to a file of its own rather than into the
 * bench process (which shares the cores with the server it measures).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../src/paths.js';
import { startServer, type RunningServer, type StartOptions } from '../test/support/running-server.js';

export const SERVICE_ENTRY = 'dist/main.js';

export function ensureCompiled(): void {
  execFileSync(process.execPath, [path.join(projectRoot, 'scripts/build.mjs')], { cwd: projectRoot, stdio: 'inherit' });
}

let started = 0;
/** Starts a server (the compiled service unless `entry` says otherwise) with its log in `logDir`. */
export function startLogged(logDir: string, options: StartOptions = {}): Promise<RunningServer> {
  const name = path.basename(options.entry ?? SERVICE_ENTRY).replace(/\.m?[jt]s$/, '');
  return startServer({ entry: SERVICE_ENTRY, ...options, logFile: path.join(logDir, `${name}-${++started}.log`) });
}
