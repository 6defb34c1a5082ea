import { issuesFromAjv } from '../formats/ajv-issues.js';
import type { SchemaRegistry } from '../formats/schema-registry.js';
import type { Declaration, Observation } from '../formats/types.generated.js';
import { InvalidDocumentError, normalizeIssues, type ValidationIssue } from '../formats/validation-error.js';
import { resolvePlace, type FormatPlace } from './format-place.js';
import { itemKey } from './list-keys.js';
import { isMissing, locate } from './walk-declaration.js';

export interface CheckedObservation {
  observation: Observation;
  place: FormatPlace;
}

const prefixed = (prefix: string, issues: ValidationIssue[]) => issues.map((i) => ({ ...i, pointer: prefix + i.pointer }));

/** The schema of an observation's place and its keys: what the format allows there. */
function placeIssues(registry: SchemaRegistry, place: FormatPlace, value: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const { step, field, schema } of place.keys) {
    const s = place.steps[step];
    const part = s.kind === 'item' ? s.key[s.fields.indexOf(field)] : undefined;
    const validate = registry.fragment(schema.schema, schema.pointer);
    if (!validate(part)) {
      const why = issuesFromAjv(validate.errors).map((i) => i.message).join('; ');
      issues.push({ pointer: '/pointer', keyword: 'pointer', message: `"${part}" is not a ${field} of ${s.kind === 'item' ? s.list : ''}: ${why}` });
    }
  }
  const validate = registry.fragment(place.value.schema, place.value.pointer);
  if (!validate(value)) issues.push(...prefixed('/value', issuesFromAjv(validate.errors)));
  const last = place.steps.at(-1)!;
  if (issues.length === 0 && last.kind === 'item') {
    last.fields.forEach((field, i) => {
      const given = (value as Record<string, unknown>)[field];
      if (given !== last.key[i]) issues.push({ pointer: `/value/${field}`, keyword: 'const', message: `must be ${JSON.stringify(last.key[i])}, the key the pointer names` });
    });
  }
  return issues;
}

/** Against the provider's latest declaration: a named item must exist there, and a `-` item must not. */
function declarationIssues(place: FormatPlace, value: unknown, declaration: Declaration): ValidationIssue[] {
  const slot = locate(structuredClone(declaration) as unknown as Record<string, unknown>, place.steps, true);
  if (isMissing(slot)) {
    // The list whose item is missing, as a pointer ending in "-": where an undeclared item is asserted.
    const tokens = place.pointer.split('/');
    const at = place.steps.findIndex((s) => s.kind === 'item' && s.list !== 'dataCategories');
    const hint = at >= 0 ? `; to assert an item it did not declare, observe the whole item at "${[...tokens.slice(0, at + 1), '-'].join('/')}"` : '';
    return [{ pointer: '/pointer', keyword: 'pointer', message: slot.missing + hint }];
  }
  const last = place.steps.at(-1)!;
  if (last.kind === 'append') {
    const key = itemKey(value, last.fields);
    if (Array.isArray(slot.parent) && slot.parent.some((item) => itemKey(item, last.fields) === key)) {
      return [{ pointer: `/value/${last.fields[0]}`, keyword: 'uniqueItems', message: `"${key}" is already declared; observe it at ${place.pointer.slice(0, -1)}${key}` }];
    }
  }
  return [];
}

/**
 * Checks an observation body: its own schema, then that its pointer names a place the
 * declaration format defines, that its value is allowed there (issues point into
 * `/value`), and — when the provider has a declaration — that the place exists in it.
 * Throws InvalidDocumentError (422) with every issue; returns the observation and its place.
 */
export function checkObservation(registry: SchemaRegistry, body: unknown, declaration?: Declaration): CheckedObservation {
  const validate = registry.validator('observation');
  if (!validate(body)) throw new InvalidDocumentError(normalizeIssues(issuesFromAjv(validate.errors)), 'The observation does not satisfy the format.');
  const observation = body as Observation;
  const place = resolvePlace(observation.pointer, (name) => registry.schema(name));
  if ('keyword' in place) throw new InvalidDocumentError([place], 'The pointer names no place of the declaration format.');
  let issues = placeIssues(registry, place, observation.value);
  if (issues.length === 0 && declaration) issues = declarationIssues(place, observation.value, declaration);
  if (issues.length > 0) throw new InvalidDocumentError(normalizeIssues(issues), 'The observed value does not fit the declaration format at the pointer.');
  return { observation, place };
}
