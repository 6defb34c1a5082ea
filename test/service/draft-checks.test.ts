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
    expect(drafts.of('{"a":1}', { a: 1 })).toEqual(first);
    expect(seen).toHaveLength(1);
    // The same value written differently is other bytes: checked on its own.
    drafts.of('{ "a": 1 }', { a: 1 });
    expect(seen).toHaveLength(2);
  });

  it('remembers the verdict, not the document: a valid draft asked again answers with the document the request brings', () => {
    const drafts = new DraftChecks((doc) => ({ valid: true, declaration: doc, warnings: [{ pointer: '/asOf', keyword: 'futureDate', message: 'later' }] }) as DeclarationCheck);
    drafts.of('{"a":1}', { a: 1 });
    const again = { a: 1 };
    const second = drafts.of('{"a":1}', again);
    expect(second).toEqual({ valid: true, declaration: again, warnings: [{ pointer: '/asOf', keyword: 'futureDate', message: 'later' }] });
    expect(second.valid && second.declaration).toBe(again);
  });
});
