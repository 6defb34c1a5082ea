import { pointer } from './json-pointer.js';

export interface JsonTextIssue {
  keyword: 'maxDepth' | 'maxItems' | 'maxKeys' | 'forbiddenKey' | 'duplicateKey' | 'loneSurrogate' | 'numberRange';
  message: string;
  pointer: string;
}

/** Keys that reach an object's prototype chain when a consumer merges or assigns naively. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;


/** Index of the quote that closes the string whose content starts at `from`; the text's length when none does (malformed text). */
function closingQuote(text: string, from: number): number {
  let end = text.indexOf('"', from);
  for (;;) {
    if (end < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}

interface Frame {
  isObject: boolean;
  /** Keys seen so far: a short list (most objects are small), a set once it grows. */
  keys: string[] | Set<string> | undefined;
  /** The current key (objects) or index (arrays). */
  at: string | number;
  expectKey: boolean;
}

const SMALL_OBJECT = 16;

const sizeOf = (keys: Frame['keys']) => (keys === undefined ? 0 : Array.isArray(keys) ? keys.length : keys.size);

/** Records `key` in the frame; true when the object already had it. Linear for small objects, hashed for big ones. */
function seenBefore(frame: Frame, key: string): boolean {
  const keys = frame.keys;
  if (keys === undefined) {
    frame.keys = [key];
    return false;
  }
  if (Array.isArray(keys)) {
    if (keys.includes(key)) return true;
    keys.push(key);
    if (keys.length > SMALL_OBJECT) frame.keys = new Set(keys);
    return false;
  }
  if (keys.has(key)) return true;
  keys.add(key);
  return false;
}

/**
 * One linear pass over JSON text, finding what JSON.parse lets through silently. It runs
 * before JSON.parse (so a body nested too deep is refused unparsed) and is exact on
 * well-formed text; on malformed text it stops early or throws, never loops. Works on the text rather than the parsed value because the value
 * has already lost duplicate keys, and because the text gives exact pointers. Iterative,
 * so no nesting depth can overflow the stack.
 */
/** `maxItems` bounds both the items of an array and the keys of an object. */
export function inspectJsonText(text: string, maxDepth: number, maxItems = Number.POSITIVE_INFINITY): JsonTextIssue | undefined {
  const stack: Frame[] = [];
  const here = () => pointer(...stack.map((f) => f.at));
  let nextBackslash = 0;
  // Character codes rather than one-character strings: this runs over every byte of every body.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */ || c === 91 /* [ */) {
      if (stack.length >= maxDepth) return { keyword: 'maxDepth', message: `nested deeper than ${maxDepth} levels`, pointer: here() };
      stack.push({ isObject: c === 123, keys: undefined, at: c === 123 ? '' : 0, expectKey: c === 123 });
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
    } else if (c === 44 /* , */) {
      const top = stack[stack.length - 1];
      if (top === undefined) return undefined; // malformed: JSON.parse will say where
      if (top.isObject) top.expectKey = true;
      else {
        top.at = (top.at as number) + 1;
        // Longer than any array the formats allow: refused before a validator spends time on every item.
        if (top.at >= maxItems) return { keyword: 'maxItems', message: `array has more than ${maxItems} items`, pointer: pointer(...stack.slice(0, -1).map((f) => f.at)) };
      }
    } else if (c === 34 /* " */) {
      const end = closingQuote(text, i + 1);
      // The next backslash anywhere ahead, found again only once passed: one scan over the whole text.
      if (nextBackslash !== -1 && nextBackslash <= i) nextBackslash = text.indexOf('\\', i + 1);
      const escaped = nextBackslash !== -1 && nextBackslash < end;
      const top = stack[stack.length - 1];
      const isKey = top !== undefined && top.isObject && top.expectKey;
      // Only keys and escaped strings need their value; plain string values are skipped whole.
      if (isKey || escaped) {
        const value = escaped ? (JSON.parse(text.slice(i, end + 1)) as string) : text.slice(i + 1, end);
        if (isKey) {
          top.at = value;
          top.expectKey = false;
          if (FORBIDDEN_KEYS.has(value)) return { keyword: 'forbiddenKey', message: `the key "${value}" is not accepted anywhere in a document`, pointer: here() };
          if (seenBefore(top, value)) return { keyword: 'duplicateKey', message: `the key "${value}" appears more than once in this object`, pointer: here() };
          // More keys than any object of the formats has (a closed object has a few): refused
          // before JSON.parse builds it — V8 builds an object of 100 000 keys in a quarter second.
          if (sizeOf(top.keys) > maxItems) return { keyword: 'maxKeys', message: `object has more than ${maxItems} keys`, pointer: pointer(...stack.slice(0, -1).map((f) => f.at)) };
        }
        if (escaped && LONE_SURROGATE.test(value)) {
          return { keyword: 'loneSurrogate', message: 'contains an unpaired UTF-16 surrogate (\\uD800–\\uDFFF escape), which is not a Unicode character', pointer: here() };
        }
      }
      i = end;
    } else if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      let end = i + 1;
      let exponent = false;
      for (;;) {
        const d = text.charCodeAt(end); // NaN past the end: stops the loop
        if ((d >= 48 && d <= 57) || d === 46 /* . */ || d === 43 /* + */ || d === 45 /* - */) end++;
        else if (d === 101 || d === 69 /* e E */) {
          exponent = true;
          end++;
        } else break;
      }
      // Only an exponent or more than 308 digits can overflow a double.
      if ((exponent || end - i > 308) && !Number.isFinite(Number(text.slice(i, end))))
        return { keyword: 'numberRange', message: 'number is too large to represent (it would become Infinity)', pointer: here() };
      i = end - 1;
    }
  }
  return undefined;
}
