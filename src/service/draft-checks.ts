import type { DeclarationCheck } from '../formats/validate-declaration.js';
import { contentHash } from '../store/version-record.js';
import { byteBoundedCache } from './byte-bounded-cache.js';

/**
 * Checks of unsaved drafts, remembered by the hash of the exact bytes sent. A drafting
 * team (or its CI) re-validates the same document many times; the answer depends only on
 * the bytes, the schemas and the day (warnings compare dates with today).
 */
export class DraftChecks {
  private readonly cache = byteBoundedCache<DeclarationCheck>('draft-checks', 16 * 1024 * 1024);

  constructor(private readonly check: (doc: unknown) => DeclarationCheck) {}

  of(rawBody: string, doc: unknown): DeclarationCheck {
    const key = `${new Date().toISOString().slice(0, 10)}:${contentHash(rawBody)}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const check = this.check(doc);
    // The check holds the parsed document and its errors: about twice the bytes sent.
    this.cache.set(key, check, { size: 2 * rawBody.length + 1 });
    return check;
  }
}
