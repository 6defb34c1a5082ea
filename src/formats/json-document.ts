import { inspectJsonText } from './json-inspection.js';
import { jsonSyntaxFault } from './json-syntax-error.js';

/**
 * Why a body was refused before any handler saw it. `malformed` bodies are not JSON we
 * can store faithfully (400); `refused` ones are well-formed but unsafe to accept (422).
 */
export class JsonInputError extends Error {
  constructor(
    readonly kind: 'malformed' | 'refused',
    readonly keyword: string,
    message: string,
    readonly pointer?: string,
    /** 1-based line and column in the text, for syntax errors. */
    readonly position?: { line: number; column: number },
  ) {
    super(message);
    this.name = 'JsonInputError';
  }
}

/** Well-formed JSON that is refused (422) rather than malformed (400). */
const REFUSED = new Set(['forbiddenKey', 'duplicateKey', 'maxItems', 'maxKeys']);

export interface JsonDocument {
  /** The parsed value (an object or an array). */
  value: unknown;
  /** The exact text received; what the store keeps byte for byte. */
  text: string;
}

export const DEFAULT_MAX_DEPTH = 64;
/**
 * The longest array any body may hold: the largest `maxItems` in schemas/ (20 000
 * `governmentRequests` rows). Longer arrays are refused before validation, which would
 * otherwise report (and spend time on) every item of, say, half a million in 1 MB. The same
 * bound holds for the keys of one object (no object of the formats has more than a few dozen).
 */
export const DEFAULT_MAX_ITEMS = 20_000;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw new JsonInputError('malformed', 'encoding', 'The body starts with a byte order mark; send UTF-8 without one (RFC 8259 §8.1).');
  }
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) {
    throw new JsonInputError('malformed', 'encoding', 'The body looks like UTF-16; send UTF-8.');
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new JsonInputError('malformed', 'encoding', 'The body is not valid UTF-8.');
  }
}

/**
 * Parses a request body into a JSON document that is safe to validate and store: UTF-8
 * without BOM, an object or array at the top, well-formed, and free of what JSON.parse
 * lets through silently (duplicate keys, `__proto__`, lone surrogates, numbers that
 * overflow to Infinity, nesting deeper than `maxDepth`). Never touches the prototype of
 * anything: JSON.parse defines own properties, and the inspection only reads the text.
 */
/**
 * The inspection runs before JSON.parse, so a body nested too deep is refused before a
 * parser builds it. On malformed text it may stop early or fail, which only means "no early
 * answer": JSON.parse then reports the syntax error.
 */
function safeInspect(text: string, maxDepth: number, maxItems: number) {
  try {
    return inspectJsonText(text, maxDepth, maxItems);
  } catch {
    return undefined;
  }
}

export function parseJsonDocument(body: Uint8Array | string, maxDepth = DEFAULT_MAX_DEPTH, maxItems = DEFAULT_MAX_ITEMS): JsonDocument {
  const text = typeof body === 'string' ? body : decode(body);
  const start = text.search(/\S/);
  if (start < 0) throw new JsonInputError('malformed', 'syntax', 'The request body is empty.');
  if (text[start] !== '{' && text[start] !== '[') {
    throw new JsonInputError('malformed', 'syntax', 'The body must be a JSON object or array.');
  }
  // One pass over the text before parsing: too deep or too many items is refused before
  // JSON.parse builds anything (the pass stops at the first level or item too many).
  const issue = safeInspect(text, maxDepth, maxItems);
  if (issue?.keyword === 'maxDepth') throw new JsonInputError('malformed', issue.keyword, issue.message, issue.pointer);
  if (issue?.keyword === 'maxItems' || issue?.keyword === 'maxKeys') throw new JsonInputError('refused', issue.keyword, issue.message, issue.pointer);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const fault = jsonSyntaxFault(text, error);
    throw new JsonInputError('malformed', 'syntax', `The request body is not valid JSON: ${fault.message} (line ${fault.line}, column ${fault.column})`, undefined, { line: fault.line, column: fault.column });
  }
  // Well-formed: what the pass found is exact.
  if (issue) throw new JsonInputError(REFUSED.has(issue.keyword) ? 'refused' : 'malformed', issue.keyword, issue.message, issue.pointer);
  return { value, text };
}
