/**
 * Derives TypeScript types from the JSON Schemas, so the types never drift from the
 * formats. `npm run gen:types` rewrites src/formats/types.generated.ts; CI runs it with
 * `--check` and fails when the committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileFromFile } from 'json-schema-to-typescript';
import { projectRoot, schemasDir } from '../src/paths.js';

const target = path.join(projectRoot, 'src/formats/types.generated.ts');
const roots = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const names = roots.length > 0 ? roots : ['declaration', 'jurisdiction', 'model-parameters', 'government-requests', 'observation', 'observation-response', 'assessment', 'campaign'];

const banner = '/* Generated from schemas/ by `npm run gen:types`. Do not edit by hand. */';
/** One exported declaration (with its doc comment) per match; nested lines are indented, so column 0 starts a new one. */
const DECLARATION = /(?:\/\*\*[\s\S]*?\*\/\n)?export (?:type|interface) (\w+)[\s\S]*?(?=\n(?:\/\*\*|export )|$)/g;

/** Schemas share definitions through common.schema.json; emit each shared type once. */
const emitted = new Set<string>();
function withoutDuplicates(chunk: string): string {
  let kept = '';
  for (const match of chunk.matchAll(DECLARATION)) {
    if (emitted.has(match[1])) continue;
    emitted.add(match[1]);
    kept += match[0].trimEnd() + '\n';
  }
  return kept;
}

let out = banner + '\n';
for (const name of names) {
  out += withoutDuplicates(await compileFromFile(path.join(schemasDir, `${name}.schema.json`), {
    bannerComment: '',
    cwd: schemasDir,
    additionalProperties: false,
    style: { singleQuote: true, printWidth: 120 },
    maxItems: -1,
    $refOptions: { resolve: { http: false } } as never,
  }));
}
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== out) {
    console.error('src/formats/types.generated.ts is stale: run `npm run gen:types`');
    process.exit(1);
  }
} else {
  writeFileSync(target, out);
}
