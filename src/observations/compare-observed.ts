import { isDeepStrictEqual } from 'node:util';
import type { Declaration } from '../formats/types.generated.js';
import type { FormatPlace } from './format-place.js';
import { itemKey } from './list-keys.js';

/** How evidence relates to what the provider declared at the same place. */
export type Relation = 'confirms' | 'discloses' | 'contradicts';

export interface Comparison {
  relation: Relation;
  /** Index path into the declaration of the declared fact (or of the list a `-` item is missing from). */
  path: (string | number)[];
  declared: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The format's ways of not answering: left out, "undisclosed", or a retention of kind "undisclosed". */
export const isSilent = (v: unknown) => v === undefined || v === 'undisclosed' || (isObject(v) && v.kind === 'undisclosed');

const sameSet = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((x) => b.some((y) => isDeepStrictEqual(x, y)));

/**
 * Declared against observed, recursively: silence is disclosed, a different answer
 * contradicted. With `atLeast` (an assessment's lists name items that are there, not all of
 * them), a list confirms when every item it names is declared.
 */
export function relate(declared: unknown, observed: unknown, atLeast = false): Relation {
  if (isSilent(observed)) return isSilent(declared) ? 'confirms' : 'contradicts';
  if (isSilent(declared)) return 'discloses';
  if (Array.isArray(declared) && Array.isArray(observed)) {
    if (sameSet(declared, observed)) return 'confirms';
    if (atLeast && observed.every((o) => declared.some((d) => isDeepStrictEqual(d, o)))) return 'confirms';
    // A list that says "undisclosed" among its items leaves room for more: naming more discloses.
    const said = declared.filter((d) => d !== 'undisclosed');
    return declared.includes('undisclosed') && said.every((d) => observed.some((o) => isDeepStrictEqual(d, o))) ? 'discloses' : 'contradicts';
  }
  if (isObject(declared) && isObject(observed) && declared.kind === undefined && observed.kind === undefined) {
    const relations = Object.keys(observed).map((k) => relate(declared[k], observed[k], atLeast));
    return relations.includes('contradicts') ? 'contradicts' : relations.includes('discloses') ? 'discloses' : 'confirms';
  }
  return isDeepStrictEqual(declared, observed) ? 'confirms' : 'contradicts';
}

/**
 * Compares an observation with a declaration at its place. Undefined when the declaration
 * has no such place (an item it does not list: nothing to compare). A category declared
 * `collected: "no"` is contradicted by any evidence of what is done with it.
 */
export function compareObserved(declaration: Declaration, place: FormatPlace, value: unknown, atLeast = false): Comparison | undefined {
  let node: unknown = declaration;
  const path: (string | number)[] = [];
  for (let i = 0; i < place.steps.length; i++) {
    const step = place.steps[i];
    const last = i === place.steps.length - 1;
    if (step.kind === 'field') {
      if (!isObject(node)) return undefined;
      path.push(step.name);
      node = node[step.name];
      if (!last && node === undefined) return { relation: isSilent(value) ? 'confirms' : 'discloses', path, declared: undefined };
      continue;
    }
    const list = node as unknown[] | undefined;
    if (!Array.isArray(list)) return undefined;
    const key = step.kind === 'item' ? step.key.join('@') : itemKey(value, step.fields);
    const index = list.findIndex((item) => itemKey(item, step.fields) === key);
    if (index < 0) {
      if (step.kind === 'append') return { relation: 'contradicts', path, declared: list };
      if (step.list !== 'dataCategories') return undefined;
      return { relation: isSilent(value) ? 'confirms' : 'discloses', path: [...path], declared: undefined };
    }
    path.push(index);
    node = list[index];
    if (step.list === 'dataCategories' && !last && (node as { collected?: string }).collected === 'no' && place.steps[i + 1]?.kind === 'field' && (place.steps[i + 1] as { name: string }).name !== 'collected') {
      if (!isSilent(value)) return { relation: 'contradicts', path: [...path, 'collected'], declared: 'no' };
    }
  }
  return { relation: relate(node, value, atLeast), path, declared: node };
}
