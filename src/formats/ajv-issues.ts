import type { ErrorObject } from 'ajv';
import { escapeToken } from './json-pointer.js';
import type { ValidationIssue } from './validation-error.js';

const DISPLAYED_ENUM_VALUES = 20;

/** Where the error is: for `required` / `additionalProperties` Ajv points at the parent, so append the property. */
function pointerOf(error: ErrorObject): string {
  if (error.keyword === 'required') return `${error.instancePath}/${escapeToken(error.params.missingProperty)}`;
  if (error.keyword === 'additionalProperties') return `${error.instancePath}/${escapeToken(error.params.additionalProperty)}`;
  if (error.keyword === 'propertyNames') return `${error.instancePath}/${escapeToken(error.params.propertyName)}`;
  return error.instancePath;
}

function messageOf(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not an allowed property here';
    case 'const':
      return `must be ${JSON.stringify(error.params.allowedValue)}`;
    case 'enum': {
      const allowed = error.params.allowedValues as unknown[];
      if (error.schemaPath.includes('/jurisdiction/')) return 'must be an ISO 3166-1 alpha-2 country code or "EU"';
      if (allowed.length <= DISPLAYED_ENUM_VALUES) return `must be one of: ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
      return 'must be one of the allowed values';
    }
    case 'format':
      if (error.params.format === 'duration') return 'must be an ISO 8601 duration such as P30D, P18M, P2W or PT72H';
      if (error.params.format === 'date') return 'must be a real calendar date, YYYY-MM-DD';
      if (error.params.format === 'uri') return 'must be an absolute URI';
      return `must match format "${error.params.format}"`;
    case 'pattern':
      return `must match ${error.params.pattern}`;
    default:
      return error.message ?? 'is invalid';
  }
}

const isUnder = (path: string, parent: string) => path.startsWith(parent + '/');

/** An error that only says "this value is not of this branch's kind" — noise once another branch fits. */
const isShapeError = (e: ErrorObject, at: string) => e.instancePath === at && (e.keyword === 'type' || e.keyword === 'const' || e.keyword === 'enum');
const isAlternative = (e: ErrorObject) => e.keyword === 'anyOf' || e.keyword === 'oneOf';

/**
 * Turns Ajv errors into issues a person can act on: one pointer per offending value,
 * without the noise of branches that were never meant (`if`, the losing side of `anyOf`).
 */
export function issuesFromAjv(errors: ErrorObject[] | null | undefined): ValidationIssue[] {
  // `if` errors only restate their `then`; a discriminator mapping error restates the enum on the tag.
  const list = (errors ?? []).filter((e) => e.keyword !== 'if' && e.keyword !== 'discriminator');
  const dropped = new Set<ErrorObject>();
  const merged = new Map<ErrorObject, ValidationIssue>();
  for (const alt of list.filter(isAlternative)) {
    const at = alt.instancePath;
    const shape = list.filter((e) => e !== alt && !isAlternative(e) && isShapeError(e, at));
    // Errors inside the value (or about its members, like a missing property) mean a branch
    // fits its kind and fails within: report those and drop the other branches' objections.
    const inner = list.filter((e) => e !== alt && !isAlternative(e) && !isShapeError(e, at) && (e.instancePath === at || isUnder(e.instancePath, at)));
    shape.forEach((e) => dropped.add(e));
    if (inner.length > 0) dropped.add(alt);
    else if (shape.length > 0) {
      const messages = [...new Set(shape.map(messageOf))];
      merged.set(alt, { pointer: at, keyword: shape[0].keyword, message: messages.join('; or ') });
    }
  }
  return list
    .filter((e) => !dropped.has(e))
    .map((e) => merged.get(e) ?? { pointer: pointerOf(e), keyword: e.keyword, message: messageOf(e) });
}
