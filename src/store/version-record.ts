import { createHash } from 'node:crypto';
import type { AppendInput, VersionMeta, VersionRecord } from './store.js';

export function contentHash(body: string): string {
  return 'sha256:' + createHash('sha256').update(body, 'utf8').digest('hex');
}

/** The next immutable version after `previous` (the provider's history so far). */
export function nextVersion(providerId: string, previous: readonly VersionMeta[], input: AppendInput, now: Date): VersionRecord {
  const record: VersionRecord = {
    providerId,
    version: previous.length + 1,
    submittedAt: now.toISOString(),
    hash: contentHash(input.body),
    body: input.body,
  };
  if (input.submittedBy !== undefined) record.submittedBy = input.submittedBy;
  return record;
}

export function metaOf({ body: _body, ...meta }: VersionRecord): VersionMeta {
  return meta;
}
