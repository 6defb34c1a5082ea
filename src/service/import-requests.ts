import type { GovernmentRequest } from '../formats/types.generated.js';
import { mergeRequests } from '../transparency/merge-requests.js';
import type { Atlas, BaseVersion, NextDocument, Prepared, WrittenVersion } from './atlas.js';

/** The provider has no declaration yet: there is nothing to import figures into. */
export class UnknownProviderError extends Error {
  constructor(readonly providerId: string) {
    super(`No provider "${providerId}": submit a declaration before importing its figures.`);
    this.name = 'UnknownProviderError';
  }
}

export interface ImportedVersion extends WrittenVersion {
  added: number;
  replaced: number;
  unchanged: number;
}

/**
 * Merges government-request rows into the provider's latest declaration and stores the
 * result as its next version — the one implementation behind the HTTP import and the CLI.
 * The merge is rebuilt on whatever version is latest at append time (compare-and-set in
 * the store), so an import never reverts a declaration submitted meanwhile, nor it the import.
 * Rows that change nothing create no version.
 */
export async function importRequests(
  atlas: Atlas<unknown>,
  providerId: string,
  rows: GovernmentRequest[],
  submittedBy?: string,
  /** Checks and analyses a large next document elsewhere first (the HTTP shell's draft threads); the write uses it if nothing landed meanwhile. */
  prepare?: (body: string) => Promise<Prepared<unknown> | undefined>,
): Promise<ImportedVersion> {
  let counts = { added: 0, replaced: 0, unchanged: 0 };
  const nextOf = (base: BaseVersion | undefined): NextDocument | undefined => {
    if (!base) throw new UnknownProviderError(providerId);
    const merged = mergeRequests(base.declaration.governmentRequests ?? [], rows);
    counts = { added: merged.added, replaced: merged.replaced, unchanged: merged.unchanged };
    if (merged.added + merged.replaced === 0) return undefined;
    const next = { ...base.declaration, governmentRequests: merged.rows };
    return { doc: next, body: JSON.stringify(next, null, 2) };
  };
  let prepared: Prepared<unknown> | undefined;
  const latest = prepare && atlas.latestOf(providerId);
  if (prepare && latest) {
    const declaration = await atlas.declarationAt(providerId, latest.meta.version);
    const next = declaration && nextOf({ meta: latest.meta, declaration });
    if (next) prepared = await prepare(next.body);
  }
  const written = await atlas.write(
    providerId,
    (base) => {
      const next = nextOf(base);
      return next && { ...next, prepared };
    },
    submittedBy,
  );
  return { ...written, ...counts };
}
