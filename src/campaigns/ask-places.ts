import type { Declaration } from '../formats/types.generated.js';
import { parsePointer } from '../formats/json-pointer.js';
import { deref, type SchemaRef } from '../observations/format-place.js';
import { itemKey, keyParts, LIST_KEYS } from '../observations/list-keys.js';

type SchemaOf = (name: string) => object | undefined;
type Schema = Record<string, unknown>;

const esc = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Why an ask's pointer names no place of the declaration format, or undefined when it does.
 * Fields are the format's properties; items of keyed lists are named by key (a data
 * category must be a taxonomy id) or `*` for every item; a pointer may stop at any
 * property, a list included, but not go inside an unkeyed list or a choice.
 */
export function askPointerIssue(pointer: string, schemas: SchemaOf, taxonomy: readonly string[]): string | undefined {
  if (!pointer.startsWith('/')) return 'must start with "/"';
  const tokens = parsePointer(pointer);
  if (tokens.some((t) => t === '')) return 'has an empty step';
  let at: SchemaRef = { schema: 'declaration', pointer: '' };
  let field = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const walked = '/' + tokens.slice(0, i).join('/');
    const { at: here, node } = deref(schemas, at);
    if (!node) return `the format defines nothing at "${walked}"`;
    if (node.type === 'array') {
      const fields = LIST_KEYS[field];
      if (!fields) return `"${walked}" is a list whose items have no key; ask about the list as a whole`;
      if (token !== '*') {
        if (!keyParts(token, fields)) return `items of ${field} are named as ${fields.join('@')} or "*", got "${token}"`;
        if (field === 'dataCategories' && !taxonomy.includes(token)) return `"${token}" is not a category of the taxonomy`;
      }
      at = deref(schemas, { schema: here.schema, pointer: `${here.pointer}/items` }).at;
      field = '';
      continue;
    }
    const properties = (node as Schema).properties as Record<string, unknown> | undefined;
    if (node.anyOf || node.oneOf || !properties) return `"${walked}" is answered as a whole; the format defines no "${token}" inside it`;
    if (!Object.hasOwn(properties, token)) return `the format defines no "${token}" at "${walked === '/' ? '' : walked}"`;
    field = token;
    at = { schema: here.schema, pointer: `${here.pointer}/properties/${token}` };
  }
  return undefined;
}

/** One place an ask names in one declaration. */
export interface AskPlace {
  /** Key-addressed, as the ask would name it alone (`/dataCategories/contact-list/retention`). */
  pointer: string;
  /** Where the declaration has it, by index (`/dataCategories/3/retention`); for an item it does not list, the list. */
  at: string;
  /** The declaration does not list the item the place is under. */
  missing: boolean;
}

/**
 * The places an ask's pointers name in one declaration (none: a declaration that answers
 * nothing). `*` is every item: every taxonomy category for data categories, every listed
 * item for other lists (the list itself when the declaration leaves it out).
 */
export function expandPointers(pointers: readonly string[], declaration: Declaration | undefined, taxonomy: readonly string[]): AskPlace[] {
  const out: AskPlace[] = [];
  for (const pointer of pointers) {
    const walk = (node: unknown, tokens: string[], keyed: string[], indexed: string[], field: string): void => {
      if (tokens.length === 0) return void out.push({ pointer: '/' + keyed.join('/'), at: '/' + indexed.join('/'), missing: false });
      const [token, ...rest] = tokens;
      const fields = LIST_KEYS[field];
      if (fields && (Array.isArray(node) || node === undefined)) {
        const list = (node as unknown[] | undefined) ?? [];
        const keys = token !== '*' ? [token] : field === 'dataCategories' ? [...taxonomy] : node === undefined ? [] : list.map((item) => itemKey(item, fields) ?? '');
        if (keys.length === 0) return void out.push({ pointer: '/' + keyed.join('/'), at: '/' + indexed.join('/'), missing: node === undefined });
        for (const key of keys) {
          const index = list.findIndex((item) => itemKey(item, fields) === key);
          const restPointer = [...keyed, esc(key), ...rest.map(esc)];
          if (index < 0) out.push({ pointer: '/' + restPointer.join('/'), at: '/' + indexed.join('/'), missing: true });
          else walk(list[index], rest, [...keyed, esc(key)], [...indexed, String(index)], '');
        }
        return;
      }
      const next = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined;
      walk(next, rest, [...keyed, esc(token)], [...indexed, esc(token)], token);
    };
    walk(declaration, parsePointer(pointer), [], [], '');
  }
  return out;
}

/**
 * Whether an unanswered-question warning (its pointer, by index) names a place: the place
 * itself, anything under it, or a section above it that is left out. The warning about
 * unlisted categories (`/dataCategories`) names only the categories that are not listed.
 */
export function names(warning: string, place: AskPlace): boolean {
  if (warning === place.at || warning.startsWith(place.at === '/' ? '/' : place.at + '/')) return place.missing ? warning === place.at : true;
  if (place.at.startsWith(warning + '/')) return warning !== '/dataCategories';
  return false;
}
