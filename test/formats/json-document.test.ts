import { describe, expect, it } from '@jest/globals';
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
});
