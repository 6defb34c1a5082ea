import { createHash } from 'node:crypto';
import { VersionConflictError, type AppendInput, type VersionMeta, type VersionRecord } from './store.js';

export function contentHash(body: string): string {
  return 'sha256:' + createHash('sha256').update(body, 'utf8').digest('hex');
}

/** Throws unless the writer built on the provider's current latest version. */
export function checkExpectedVersion(providerId: string, latest: number, input: AppendInput): void {
  if (input.expectedVersion !== latest) throw new VersionConflictError(providerId, input.expectedVersion, latest);
}

/** The record of version `latest + 1`. */
export function nextVersion(providerId: string, latest: number, input: AppendInput, now: Date): VersionRecord {
  const record: VersionRecord = {
    providerId,
    version: latest + 1,
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
