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

/** The shipped files the tables are made of, as read by the shell (src/policies/load-import-tables.ts). */
export interface ImportTableFiles {
  legalProcesses: { processes: Record<string, string> };
  countryNames: { names: Record<string, string>; noTerritory: string[] };
  jurisdictionCodes: string[];
}

/** Builds the lookup tables from their files' contents; pure, so importers stay free of I/O. */
export function buildImportTables(files: ImportTableFiles): ImportTables {
  return {
    legalProcesses: new Map(Object.entries(files.legalProcesses.processes).map(([label, id]) => [label.trim().toLowerCase(), id])),
    countryNames: new Map(Object.entries(files.countryNames.names).map(([name, code]) => [foldName(name), code])),
    noTerritory: new Set(files.countryNames.noTerritory.map(foldName)),
    jurisdictions: new Set(files.jurisdictionCodes),
  };
}
