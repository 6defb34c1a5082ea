import type { ValidationIssue } from '../formats/validation-error.js';
import { parsePointer } from '../formats/json-pointer.js';
import { keyParts, LIST_KEYS } from './list-keys.js';

/** Where a schema node lives: which schema document, and the JSON Pointer inside it. */
export interface SchemaRef {
  schema: string;
  pointer: string;
}

/** One step of a key-addressed pointer, as resolved against the declaration format. */
export type Step =
  | { kind: 'field'; name: string }
  /** An item of a keyed list, by its key; `key` holds one part per key field. */
  | { kind: 'item'; list: string; fields: readonly string[]; key: string[] }
  /** `-`: an item the provider did not declare; its key comes from the value. */
  | { kind: 'append'; list: string; fields: readonly string[] };

/** A place in the declaration format an observation may speak about. */
export interface FormatPlace {
  pointer: string;
  steps: Step[];
  /** The schema of the value at this place. */
  value: SchemaRef;
  /** For each item step: the schema of each of its key fields, to check the key. */
  keys: { step: number; field: string; schema: SchemaRef }[];
}

/**
 * Facts an observation may not speak about: what identifies the document (format, dates,
 * the provider's id and name), the provider's own sources, and transparency figures, which
 * are the provider's own counts and are imported, not observed.
 */
const OFF_LIMITS = new Set(['/provider', '/provider/id', '/provider/name']);
const OFF_LIMITS_UNDER = ['format', 'asOf', 'governmentRequests'];

type Schema = Record<string, unknown>;
type SchemaOf = (name: string) => object | undefined;

const issue = (message: string, keyword = 'pointer'): ValidationIssue => ({ pointer: '/pointer', keyword, message });

function nodeAt(schemas: SchemaOf, at: SchemaRef): Schema | undefined {
  let node: unknown = schemas(at.schema);
  for (const token of parsePointer(at.pointer)) node = (node as Schema | undefined)?.[token];
  return node as Schema | undefined;
}

/** Follows `$ref`s (`#/$defs/x` or `common.schema.json#/$defs/x`) to the node they name. */
export function deref(schemas: SchemaOf, at: SchemaRef): { at: SchemaRef; node: Schema | undefined } {
  let node = nodeAt(schemas, at);
  for (let hops = 0; node && typeof node.$ref === 'string' && hops < 10; hops++) {
    const [file, fragment = ''] = node.$ref.split('#');
    at = { schema: file ? file.replace(/\.schema\.json$/, '') : at.schema, pointer: fragment };
    node = nodeAt(schemas, at);
  }
  return { at, node };
}

/**
 * Resolves a key-addressed pointer (`/thirdParties/cn-licensee/capabilities`) against the
 * declaration format: every step must be a property the format defines or the key of an
 * item of a keyed list (or `-`, last). A pointer may stop at any property, but not inside a
 * choice (a retention, a value that may be "undisclosed"): those are observed whole.
 * Returns the place, or the issue (at `/pointer`) that says why the format has no such place.
 */
export function resolvePlace(pointer: string, schemas: SchemaOf): FormatPlace | ValidationIssue {
  if (!pointer.startsWith('/')) return issue('must start with "/"');
  const tokens = parsePointer(pointer);
  if (tokens.some((t) => t === '')) return issue('has an empty step');
  if (OFF_LIMITS.has(pointer) || OFF_LIMITS_UNDER.includes(tokens[0])) return issue(`"${pointer}" is not a fact an observation can speak about`);
  let at: SchemaRef = { schema: 'declaration', pointer: '' };
  const steps: Step[] = [];
  const keys: FormatPlace['keys'] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const walked = '/' + tokens.slice(0, i).join('/');
    const { at: here, node } = deref(schemas, at);
    if (!node) return issue(`the format defines nothing at "${walked}"`);
    if (node.type === 'array') {
      const list = (steps.at(-1) as { name?: string } | undefined)?.name ?? '';
      const fields = LIST_KEYS[list];
      if (!fields) return issue(`"${walked}" is a list whose items have no key; observe the list as a whole`);
      const items = deref(schemas, { schema: here.schema, pointer: `${here.pointer}/items` }).at;
      if (token === '-') {
        if (i !== tokens.length - 1) return issue('"-" (an item the provider did not declare) must be the last step');
        steps.push({ kind: 'append', list, fields });
      } else {
        const parts = keyParts(token, fields);
        if (!parts) return issue(`items of ${list} are addressed as ${fields.join('@')}, got "${token}"`);
        fields.forEach((field) => keys.push({ step: steps.length, field, schema: { schema: items.schema, pointer: `${items.pointer}/properties/${field}` } }));
        steps.push({ kind: 'item', list, fields, key: parts });
      }
      at = items;
      continue;
    }
    if (node.anyOf || node.oneOf || !node.properties) {
      return issue(`"${walked}" is observed as a whole; the format defines no "${token}" inside it`);
    }
    const properties = node.properties as Record<string, unknown>;
    if (!Object.hasOwn(properties, token)) return issue(`the format defines no "${token}" at "${walked === '/' ? '' : walked}"`);
    if (token === 'sources') return issue('sources belong to the observation itself, not to its value');
    steps.push({ kind: 'field', name: token });
    at = { schema: here.schema, pointer: `${here.pointer}/properties/${token}` };
  }
  const last = steps.at(-1);
  if (last?.kind === 'field' && LIST_KEYS[last.name]) return issue(`address an item of ${last.name} by its key, or "-" for one the provider did not declare`);
  return { pointer, steps, value: at, keys };
}
