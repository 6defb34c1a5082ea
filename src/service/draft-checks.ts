import type { DeclarationCheck } from '../formats/validate-declaration.js';
import { contentHash } from '../store/version-record.js';
import { LruCache } from './lru-cache.js';

/**
 * Checks of unsaved drafts, remembered by the hash of the exact bytes sent. A drafting
 * team (or its CI) re-validates the same document many times; the answer depends only on
 * the bytes, the schemas and the day (warnings compare dates with today).
 */
export class DraftChecks {
  private readonly cache = new LruCache<string, DeclarationCheck>(256);

  constructor(private readonly check: (doc: unknown) => DeclarationCheck) {}

  of(rawBody: string, doc: unknown): DeclarationCheck {
    const key = `${new Date().toISOString().slice(0, 10)}:${contentHash(rawBody)}`;
    return this.cache.getOrCompute(key, () => this.check(doc));
  }
}
