import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { JsonInputError, parseJsonDocument } from '../../src/formats/json-document.js';

const refusal = (body: string | Uint8Array): JsonInputError => {
  try {
    parseJsonDocument(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
  } catch (error) {
    if (error instanceof JsonInputError) return error;
    throw error;
  }
  throw new Error(`accepted: ${String(body)}`);
};

describe('parseJsonDocument', () => {
  it('keeps the exact text beside the value', () => {
    const text = '{ "a" : [1, 2.50, "\\u00e9"] }\n';
    expect(parseJsonDocument(Buffer.from(text))).toEqual({ value: { a: [1, 2.5, 'é'] }, text });
  });

  it.each([
    ['a __proto__ key', '{"a":{"__proto__":{"x":1}}}', 'forbiddenKey', '/a/__proto__'],
    ['an escaped __proto__ key', '{"\\u005f_proto__":1}', 'forbiddenKey', '/__proto__'],
    ['constructor.prototype', '{"constructor":{"prototype":{}}}', 'forbiddenKey', '/constructor'],
    ['a duplicate key', '{"list":[{"a":1,"b":2,"a":3}]}', 'duplicateKey', '/list/0/a'],
    ['a key with / and ~', '{"a/b":{"c~d":{"__proto__":1}}}', 'forbiddenKey', '/a~1b/c~0d/__proto__'],
  ])('refuses %s with a pointer, leaving every prototype alone', (_name, text, keyword, pointer) => {
    const error = refusal(text);
    expect(error).toMatchObject({ kind: 'refused', keyword, pointer });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it.each([
    ['a lone surrogate', '{"a":["ok","\\ud800"]}', 'loneSurrogate', '/a/1'],
    ['an overflowing number', '{"n":{"m":-1e400}}', 'numberRange', '/n/m'],
    ['nesting deeper than 64', '['.repeat(65) + ']'.repeat(65), 'maxDepth', '/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0'],
  ])('calls %s malformed, with a pointer', (_name, text, keyword, pointer) => {
    expect(refusal(text)).toMatchObject({ kind: 'malformed', keyword, pointer });
  });

  it('checks 100 000 nested arrays without overflowing the stack', () => {
    expect(refusal('['.repeat(100_000) + ']'.repeat(100_000)).keyword).toBe('maxDepth');
  });

  it('refuses a byte order mark and bytes that are not UTF-8', () => {
    expect(refusal(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d])).keyword).toBe('encoding');
    expect(refusal(Buffer.from([0x5b, 0x22, 0xc0, 0xaf, 0x22, 0x5d])).keyword).toBe('encoding');
  });

  it('refuses a body nested too deep before JSON.parse builds it, whatever follows', () => {
    // Unterminated after the 65th bracket: only a pass before JSON.parse can name the depth.
    expect(refusal('['.repeat(65) + '"never closed')).toMatchObject({ kind: 'malformed', keyword: 'maxDepth' });
  });

  it('refuses an array of too many items before parsing the rest, whatever the rest is', () => {
    const items = Array.from({ length: 20_001 }, (_, i) => i).join(',');
    expect(refusal(`{"rows":[${items}]}`)).toMatchObject({ kind: 'refused', keyword: 'maxItems', pointer: '/rows' });
    expect(refusal(`{"rows":[${items},"never closed`)).toMatchObject({ kind: 'refused', keyword: 'maxItems', pointer: '/rows' });
  });

  it('answers malformed text exactly as JSON.parse judges it: a syntax error, never a refusal of its keys', () => {
    expect(refusal('{"a":1,"a":2')).toMatchObject({ kind: 'malformed', keyword: 'syntax' });
    expect(refusal('{"__proto__":1,')).toMatchObject({ kind: 'malformed', keyword: 'syntax' });
  });

  it('ends on any text: accepted, or refused with a JsonInputError (truncations and mutations of a real body)', () => {
    const body = JSON.stringify({ provider: { id: 'p', name: 'a "q" \\ b' }, list: [1, -2.5e3, { k: ['x', '\u00e9'] }], deep: [[[{}]]] });
    fc.assert(
      fc.property(fc.nat(body.length), fc.nat(body.length), fc.string({ maxLength: 3 }), (cut, at, insert) => {
        for (const text of [body.slice(0, cut), body.slice(0, at) + insert + body.slice(at)]) {
          let outcome: unknown;
          try {
            outcome = parseJsonDocument(Buffer.from(text, 'utf8'));
          } catch (error) {
            outcome = error;
          }
          const ok = (outcome as { value?: unknown }).value !== undefined || outcome instanceof JsonInputError;
          if (!ok) return false;
          // Whatever JSON.parse accepts as an object or array is accepted here or refused for a named reason.
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            if (!(outcome instanceof JsonInputError) || outcome.kind !== 'malformed') return false;
          }
          if (parsed !== null && typeof parsed === 'object' && !(outcome instanceof JsonInputError)) expect((outcome as { value: unknown }).value).toEqual(parsed);
        }
        return true;
      }),
      { numRuns: 3000, endOnFailure: true },
    );
  });
});
