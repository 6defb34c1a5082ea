import { readFileSync } from 'node:fs';
import { PolicyFileError } from './policy-file-error.js';

export function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new PolicyFileError(file, [{ pointer: '', keyword: 'json', message: (e as Error).message }]);
  }
}
