import { StoreOpenError, type VersionMeta, type VersionRecord } from './store.js';

/** `DATA_DIR/providers/<id>.json` since format 2: the metadata of every version, no bodies. */
export interface ProviderIndex {
  format: 2;
  providerId: string;
  versions: VersionMeta[];
}

/** The format the first release wrote: every version with its body, in one file. */
export interface LegacyProviderFile {
  providerId: string;
  versions: VersionRecord[];
}

const numbered = (versions: unknown, withBody: boolean) =>
  Array.isArray(versions) &&
  versions.every(
    (v: Partial<VersionRecord>, i) => v && v.version === i + 1 && typeof v.hash === 'string' && typeof v.submittedAt === 'string' && (!withBody || typeof v.body === 'string'),
  );

/** Tells an index from a legacy file, or throws naming the file when it is neither. */
export function readProviderFile(data: unknown, file: string, providerId: string): { index: ProviderIndex } | { legacy: LegacyProviderFile } {
  const d = data as Partial<ProviderIndex> | null;
  if (d !== null && typeof d === 'object' && d.providerId === providerId) {
    if (d.format === 2 && numbered(d.versions, false)) return { index: d as ProviderIndex };
    if (d.format === undefined && numbered(d.versions, true)) return { legacy: d as LegacyProviderFile };
  }
  throw new StoreOpenError(`store file ${file} does not hold a version history for "${providerId}"; it was left untouched`, file);
}
