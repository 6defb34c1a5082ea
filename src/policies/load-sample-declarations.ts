import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { SchemaRegistry } from '../formats/schema-registry.js';
import type { Declaration } from '../formats/types.generated.js';
import { checkDeclaration } from '../formats/validate-declaration.js';
import { policiesDir } from '../paths.js';
import { readJsonFile } from './read-json-file.js';

export const sampleDeclarationsDir = path.join(policiesDir, 'providers');

/** The shipped illustrative declarations that pass validation, in file-name order (for warming up the analysis). */
export function readSampleDeclarations(registry: SchemaRegistry, dir: string = sampleDeclarationsDir): Declaration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const out: Declaration[] = [];
  for (const file of files) {
    const check = checkDeclaration(registry, readJsonFile(path.join(dir, file)));
    if (check.valid) out.push(check.declaration);
  }
  return out;
}
