import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './paths.js';

let version: string | undefined;

/** The `version` of package.json, read once by the shell (part of the analysis-cache key). */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
