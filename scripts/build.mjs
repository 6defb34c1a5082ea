/**
 * Builds the compiled JavaScript in dist/ (tsc -p tsconfig.build.json) when it is missing or
 * stale: older than any file under src/ or than the build configuration, or built from a
 * different set of source files (one deleted or added). `--force` rebuilds from scratch.
 * Plain JavaScript on purpose: it runs before anything is compiled (`prepare`, `prestart`,
 * the `bin`), and a check that finds dist/ current costs a few milliseconds of stat calls.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stampFile = path.join(dist, '.build-stamp.json');
const configFiles = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function sources(dir = path.join(root, 'src'), found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) sources(file, found);
    else if (entry.name.endsWith('.ts')) found.push(path.relative(root, file));
  }
  return found;
}

/** Why dist/ must be rebuilt, or undefined when it is current. */
export function staleReason() {
  if (!existsSync(stampFile)) return 'dist/ is missing';
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return 'dist/ has no readable build stamp';
  }
  const files = sources().sort();
  if (JSON.stringify(files) !== JSON.stringify(stamp.files)) return 'source files were added or removed';
  const builtAt = statSync(stampFile).mtimeMs;
  const newer = [...files, ...configFiles].find((file) => existsSync(path.join(root, file)) && statSync(path.join(root, file)).mtimeMs > builtAt);
  return newer ? `${newer} changed since the last build` : undefined;
}

/** Builds dist/ from src/ (from scratch when `clean`) and stamps it with the source files it was built from. */
export function build({ clean = false } = {}) {
  const files = sources().sort();
  if (clean) rmSync(dist, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed (exit ${result.status})`);
  writeFileSync(stampFile, `${JSON.stringify({ files }, null, 1)}\n`);
}

/** Builds when missing or stale; says why on standard error. */
export function ensureBuilt() {
  const reason = staleReason();
  if (reason === undefined) return false;
  process.stderr.write(`building dist/ (${reason})\n`);
  // Files removed from src/ must not linger as compiled modules.
  build({ clean: reason !== undefined && !reason.endsWith('changed since the last build') });
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes('--force')) build({ clean: true });
    else ensureBuilt();
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
