import type { DeclarationCheck } from '../formats/validate-declaration.js';
import type { Declaration } from '../formats/types.generated.js';
import type { ValidationIssue } from '../formats/validation-error.js';
import { contentHash } from '../store/version-record.js';
import { byteBoundedCache, jsonSize } from './byte-bounded-cache.js';

/** What is remembered of a check: its verdict and issues — never the document, which the request carries. */
type Remembered = { valid: true; warnings: ValidationIssue[] } | { valid: false; errors: ValidationIssue[] };

/**
 * Checks of unsaved drafts, remembered by the hash of the exact bytes sent. A drafting
 * team (or its CI) re-validates the same document many times; the answer depends only on
 * the bytes, the schemas and the day (warnings compare dates with today).
 *
 * Only the verdict and the issues are kept, not the parsed document: the request that asks
 * again brings its own. Keeping hundreds of parsed documents alive (16 MB of them) made every
 * check of a new draft pay for them in garbage collection.
 */
export class DraftChecks {
  private readonly cache = byteBoundedCache<Remembered>('draft-checks', 4 * 1024 * 1024);

  constructor(private readonly check: (doc: unknown) => DeclarationCheck) {}

  of(rawBody: string, doc: unknown): DeclarationCheck {
    const key = `${new Date().toISOString().slice(0, 10)}:${contentHash(rawBody)}`;
    const hit = this.cache.get(key);
    if (hit) return hit.valid ? { valid: true, declaration: doc as Declaration, warnings: hit.warnings } : hit;
    const check = this.check(doc);
    const remembered: Remembered = check.valid ? { valid: true, warnings: check.warnings } : { valid: false, errors: check.errors };
    this.cache.set(key, remembered, { size: jsonSize(check.valid ? check.warnings : check.errors) + key.length });
    return check;
  }
}
