import { diffDeclarations } from '../diff/diff-declarations.js';
import type { Declaration } from '../formats/types.generated.js';
import type { AtomEntry } from './atom.js';
import { summarizeChanges } from './summarize-changes.js';

/** Tag URIs (RFC 4151): stable for ever, whatever host the service runs on. */
export const TAG_BASE = 'tag:retention-atlas.example,2025:';

export interface VersionFacts {
  providerId: string;
  version: number;
  submittedAt: string;
  declaration: Declaration;
  previous?: Declaration;
}

/** One feed entry per stored version, summarising its diff against the version before. */
export function versionEntry(v: VersionFacts, baseUrl: string): AtomEntry {
  const name = v.declaration.provider.name;
  // Readers open the page; the exact document stays one link away.
  const link = `${baseUrl}/providers/${v.providerId}/declarations/${v.version}`;
  const data = `${baseUrl}/v1/providers/${v.providerId}/declarations/${v.version}`;
  const id = `${TAG_BASE}providers/${v.providerId}/declarations/${v.version}`;
  if (!v.previous) {
    const n = v.declaration.dataCategories.length;
    return { id, link, data, updated: v.submittedAt, title: `${name}: first declaration (version 1)`, summary: `First version, declaring ${n} data categor${n === 1 ? 'y' : 'ies'}.` };
  }
  const { text, regressions } = summarizeChanges(diffDeclarations(v.previous, v.declaration), v.declaration);
  return {
    id,
    link,
    data,
    updated: v.submittedAt,
    title: `${name}: version ${v.version}${regressions.length > 0 ? ` (${regressions.length} regression${regressions.length === 1 ? '' : 's'})` : ''}`,
    summary: text,
    categories: regressions.length > 0 ? ['regression'] : [],
  };
}
