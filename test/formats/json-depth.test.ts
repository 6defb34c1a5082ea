import { afterEach, describe, expect, it } from '@jest/globals';
import { JsonInputError, parseJsonDocument } from '../../src/formats/json-document.js';
import { nestsDeeperThan } from '../../src/formats/json-depth.js';

const realParse = JSON.parse;
afterEach(() => {
  JSON.parse = realParse;
});

describe('nesting refused before parsing', () => {
  it('counts brackets outside strings only', () => {
    expect(nestsDeeperThan('[[[]]]', 3)).toBe(false);
    expect(nestsDeeperThan('[[[[]]]]', 3)).toBe(true);
    expect(nestsDeeperThan('["[[[[[[", "\\"[[[[["]', 2)).toBe(false);
    expect(nestsDeeperThan('{"a":{"b":[{}]}}', 3)).toBe(true);
  });

  it('refuses a megabyte of nested arrays without ever calling JSON.parse, with the pointer of the 65th level', () => {
    let parses = 0;
    JSON.parse = ((text: string, reviver?: never) => {
      parses++;
      return realParse(text, reviver);
    }) as typeof JSON.parse;
    const body = '['.repeat(500_000) + ']'.repeat(500_000);
    const error = (() => {
      try {
        parseJsonDocument(body);
      } catch (e) {
        return e;
      }
    })() as JsonInputError;
    expect(error).toBeInstanceOf(JsonInputError);
    expect(error.keyword).toBe('maxDepth');
    expect(error.pointer).toBe('/0'.repeat(64));
    expect(parses).toBe(0);
    // A document within the limit is still parsed, once.
    expect(parseJsonDocument('{"a":[[1]]}').value).toEqual({ a: [[1]] });
    expect(parses).toBe(1);
  });
});
