import type { ErrorObject } from 'ajv';
import { didYouMean } from './did-you-mean.js';
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

/** "; did you mean "storageLocations"?" when the value or property is a near miss of an allowed one. */
function hintOf(error: ErrorObject): string {
  let guess: string | undefined;
  if (error.keyword === 'additionalProperties') guess = didYouMean(error.params.additionalProperty, Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {}));
  else if (error.keyword === 'enum') guess = didYouMean(error.data, error.params.allowedValues as unknown[]);
  else if (error.keyword === 'const') guess = didYouMean(error.data, [error.params.allowedValue]);
  return guess === undefined ? '' : `; did you mean ${JSON.stringify(guess)}?`;
}

function messageOf(error: ErrorObject): string {
  return baseMessageOf(error) + hintOf(error);
}

function baseMessageOf(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not an allowed property here';
    case 'const':
      return `must be ${JSON.stringify(error.params.allowedValue)}`;
    case 'enum': {
      const allowed = error.params.allowedValues as unknown[];
      if (error.schemaPath.includes('/jurisdiction/') || (error.parentSchema as { title?: unknown } | undefined)?.title === 'Jurisdiction') return 'must be an ISO 3166-1 alpha-2 country code or "EU"';
      if (allowed.length <= DISPLAYED_ENUM_VALUES) return `must be one of: ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
      return 'must be one of the allowed values';
    }
    case 'format':
      if (error.params.format === 'duration') return 'must be an ISO 8601 duration such as P30D, P18M, P2W or PT72H';
      if (error.params.format === 'date') return 'must be a real calendar date, YYYY-MM-DD';
      if (error.params.format === 'uri') return 'must be an absolute URI';
      return `must match format "${error.params.format}"`;
    case 'pattern':
      if (error.params.pattern === '^[Hh][Tt][Tt][Pp][Ss]?://') return 'must be an http or https URL';
      return `must match ${error.params.pattern}`;
    default:
      return error.message ?? 'is invalid';
  }
}

/** An error that only says "this value is not of this branch's kind" — noise once another branch fits. */
const isShapeError = (e: ErrorObject, at: string) => e.instancePath === at && (e.keyword === 'type' || e.keyword === 'const' || e.keyword === 'enum');
const isAlternative = (e: ErrorObject) => e.keyword === 'anyOf' || e.keyword === 'oneOf';

/** Every proper ancestor of a pointer (`/a/b/c` → `/a/b`, `/a`, ``), nearest first. */
function* ancestorsOf(path: string): Generator<string> {
  for (let cut = path.lastIndexOf('/'); cut >= 0; cut = path.lastIndexOf('/', cut - 1)) {
    yield path.slice(0, cut);
    if (cut === 0) return;
  }
}

const countUp = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

/**
 * Turns Ajv errors into issues a person can act on: one pointer per offending value,
 * without the noise of branches that were never meant (`if`, the losing side of `anyOf`).
 *
 * Linear in the number of errors (times the nesting depth): a hostile document can carry
 * hundreds of thousands of errors, so nothing here may compare every error with every other.
 */
export function issuesFromAjv(errors: ErrorObject[] | null | undefined): ValidationIssue[] {
  // `if` errors only restate their `then`; a discriminator mapping error restates the enum on the tag.
  const list = (errors ?? []).filter((e) => e.keyword !== 'if' && e.keyword !== 'discriminator');
  // For each instance path: the shape errors there, the other (non-alternative) errors there,
  // and how many non-alternative errors lie strictly below it.
  const shapeAt = new Map<string, ErrorObject[]>();
  const otherAt = new Map<string, number>();
  const below = new Map<string, number>();
  for (const e of list) {
    if (isAlternative(e)) continue;
    const at = e.instancePath;
    if (isShapeError(e, at)) {
      const bucket = shapeAt.get(at);
      if (bucket) bucket.push(e);
      else shapeAt.set(at, [e]);
    } else countUp(otherAt, at);
    for (const ancestor of ancestorsOf(at)) countUp(below, ancestor);
  }
  const dropped = new Set<ErrorObject>();
  const merged = new Map<ErrorObject, ValidationIssue>();
  const mergedAt = new Map<string, ValidationIssue>();
  for (const alt of list) {
    if (!isAlternative(alt)) continue;
    const at = alt.instancePath;
    const shape = shapeAt.get(at) ?? [];
    // Errors inside the value (or about its members, like a missing property) mean a branch
    // fits its kind and fails within: report those and drop the other branches' objections.
    const inner = (otherAt.get(at) ?? 0) + (below.get(at) ?? 0);
    shape.forEach((e) => dropped.add(e));
    if (inner > 0) dropped.add(alt);
    else if (shape.length > 0) {
      let issue = mergedAt.get(at);
      if (!issue) {
        const messages = [...new Set(shape.map(baseMessageOf))];
        const hint = shape.map(hintOf).find((h) => h !== '') ?? '';
        issue = { pointer: at, keyword: shape[0].keyword, message: messages.join('; or ') + hint };
        mergedAt.set(at, issue);
      }
      merged.set(alt, issue);
    }
  }
  return list
    .filter((e) => !dropped.has(e))
    .map((e) => merged.get(e) ?? { pointer: pointerOf(e), keyword: e.keyword, message: messageOf(e) });
}
