import { readFileSync } from 'node:fs';
import path from 'node:path';
import { policiesDir, schemasDir } from '../paths.js';
import { compileKeywords, type KeywordTable } from '../tilt/category-keywords.js';
import { buildImportTables, type ImportTables } from '../transparency/import-tables.js';

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

let tables: ImportTables | undefined;
let keywords: KeywordTable | undefined;

/** The importers' lookup tables from policies/import/ and the format's jurisdiction codes, read once. */
export function importTables(): ImportTables {
  tables ??= buildImportTables({
    legalProcesses: readJson(path.join(policiesDir, 'import', 'google-legal-process.json')),
    countryNames: readJson(path.join(policiesDir, 'import', 'country-names.json')),
    jurisdictionCodes: readJson<{ $defs: { jurisdiction: { enum: string[] } } }>(path.join(schemasDir, 'common.schema.json')).$defs.jurisdiction.enum,
  });
  return tables;
}

/** The TILT category keywords of policies/import/tilt-category-keywords.json, compiled once. */
export function tiltKeywords(): KeywordTable {
  keywords ??= compileKeywords(readJson<{ keywords: Record<string, string[]> }>(path.join(policiesDir, 'import', 'tilt-category-keywords.json')).keywords);
  return keywords;
}
