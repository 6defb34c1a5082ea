import { describe, expect, it } from '@jest/globals';
import { DraftChecks } from '../../src/service/draft-checks.js';
import type { DeclarationCheck } from '../../src/formats/validate-declaration.js';

describe('DraftChecks', () => {
  it('checks the same bytes once and different bytes again', () => {
    const seen: unknown[] = [];
    const drafts = new DraftChecks((doc) => {
      seen.push(doc);
      return { valid: false, errors: [{ pointer: '', keyword: 'x', message: String(seen.length) }] } as DeclarationCheck;
    });
    const first = drafts.of('{"a":1}', { a: 1 });
    expect(drafts.of('{"a":1}', { a: 1 })).toBe(first);
    // The same value written differently is other bytes: checked on its own.
    drafts.of('{ "a": 1 }', { a: 1 });
    expect(seen).toHaveLength(2);
  });
});
