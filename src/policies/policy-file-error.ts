import path from 'node:path';
import { projectRoot } from '../paths.js';
import type { ValidationIssue } from '../formats/validation-error.js';

/** A shipped policy file that does not hold valid data: names the file and every problem in it. */
export class PolicyFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ValidationIssue[],
  ) {
    const shown = path.relative(projectRoot, file) || file;
    super(`${shown} is invalid:\n` + issues.map((i) => `  ${i.pointer || '/'}: ${i.message}`).join('\n'));
    this.name = 'PolicyFileError';
  }
}
