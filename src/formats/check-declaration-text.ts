import type { Declaration } from './types.generated.js';
import { JsonInputError, parseJsonDocument } from './json-document.js';
import type { SchemaRegistry } from './schema-registry.js';
import { checkDeclaration, type CheckOptions } from './validate-declaration.js';
import { JsonSourceMap } from './json-source-map.js';
import { jsonSyntaxFault } from './json-syntax-error.js';
import type { ValidationIssue } from './validation-error.js';

/** A validation issue with where it sits in the text (1-based line and column). */
export interface LocatedIssue extends ValidationIssue {
  line: number;
  column: number;
}

export interface TextCheck {
  valid: boolean;
  /** The parsed document, when the text is JSON at all. */
  document?: unknown;
  errors: LocatedIssue[];
  warnings: LocatedIssue[];
}

/**
 * Checks a declaration given as text (a file on disk, a draft in an editor): the same
 * check as the API, plus a line and column for every issue so a person can find it.
 * Malformed JSON is one error with keyword `parse` at the position the parser gave up.
 * `more` adds the warnings the caller judges on a valid declaration (the unanswered
 * questions, as the API adds them), located the same way.
 */
export function checkDeclarationText(registry: SchemaRegistry, rawText: string, options: CheckOptions = {}, more?: (declaration: Declaration) => ValidationIssue[]): TextCheck {
  const text = rawText.replace(/^\uFEFF/, '');
  const map = new JsonSourceMap(text);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const fault = jsonSyntaxFault(text, error);
    return { valid: false, errors: [{ pointer: '', keyword: 'parse', message: `not valid JSON: ${fault.message}`, line: fault.line, column: fault.column }], warnings: [] };
  }
  // What JSON.parse lets through silently (duplicate keys, __proto__, lone surrogates, overflowing
  // numbers, too deep or too long): refused by the very check the API runs on a request body.
  try {
    parseJsonDocument(text);
  } catch (error) {
    if (!(error instanceof JsonInputError)) throw error;
    const pointer = error.pointer ?? '';
    return { valid: false, document, errors: [{ pointer, keyword: error.keyword, message: error.message, ...lineAndColumn(map, pointer) }], warnings: [] };
  }
  // In reading order: a person fixes a file from the top.
  const locate = (issues: ValidationIssue[]): LocatedIssue[] =>
    issues
      .map((issue) => ({ ...issue, ...lineAndColumn(map, issue.pointer) }))
      .sort((a, b) => a.line - b.line || a.column - b.column);
  const result = checkDeclaration(registry, document, options);
  return result.valid
    ? { valid: true, document, errors: [], warnings: locate([...result.warnings, ...(more ? more(result.declaration) : [])]) }
    : { valid: false, document, errors: locate(result.errors), warnings: [] };
}

function lineAndColumn(map: JsonSourceMap, pointer: string): { line: number; column: number } {
  const { line, column } = map.locate(pointer);
  return { line, column };
}
