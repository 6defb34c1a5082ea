import { readFileSync } from 'node:fs';
import path from 'node:path';
import { policiesDir, schemasDir } from '../paths.js';

/** The lookup tables importers use; shipped as data in policies/import/ so analysts can extend them. */
export interface ImportTables {
  /** Google "Legal Process" label (lower-cased) → process id of the format. */
  legalProcesses: Map<string, string>;
  /** Requester name (folded) → jurisdiction code. */
  countryNames: Map<string, string>;
  /** Requesters with no territory (folded), e.g. the United Nations. */
  noTerritory: Set<string>;
  /** The jurisdiction codes the format accepts (common.schema.json). */
  jurisdictions: Set<string>;
}

/** Case-, accent- and apostrophe-insensitive key for a name. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .trim()
    .toLowerCase();
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(policiesDir, 'import', file), 'utf8')) as T;

let cached: ImportTables | undefined;

/** Reads the tables once per process. */
export function importTables(): ImportTables {
  if (cached) return cached;
  const processes = readJson<{ processes: Record<string, string> }>('google-legal-process.json').processes;
  const common = JSON.parse(readFileSync(path.join(schemasDir, 'common.schema.json'), 'utf8')) as { $defs: { jurisdiction: { enum: string[] } } };
  const countries = readJson<{ names: Record<string, string>; noTerritory: string[] }>('country-names.json');
  cached = {
    legalProcesses: new Map(Object.entries(processes).map(([label, id]) => [label.trim().toLowerCase(), id])),
    countryNames: new Map(Object.entries(countries.names).map(([name, code]) => [foldName(name), code])),
    noTerritory: new Set(countries.noTerritory.map(foldName)),
    jurisdictions: new Set(common.$defs.jurisdiction.enum),
  };
  return cached;
}
