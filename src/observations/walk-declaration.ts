import type { Step } from './format-place.js';
import { itemKey } from './list-keys.js';

type Container = Record<string, unknown> | unknown[];

/** Where the last step of a place lands in one declaration: the container and how to reach the slot. */
export interface Slot {
  parent: Container;
  step: Step;
  /** The value there now; undefined when the declaration does not say (or for `-`). */
  current: unknown;
  /** Index of the item for item steps that found it, or of the same-key item for `-`. */
  index?: number;
}

/** Why a place does not exist in this declaration. */
export interface Missing {
  missing: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function findItem(list: unknown[], fields: readonly string[], key: string): number {
  return list.findIndex((item) => itemKey(item, fields) === key);
}

/**
 * Walks a place's steps through a declaration. With `create`, absent objects on the way
 * are made (legalProcess, protection), and a data category the declaration does not list
 * is added as `collected: "undisclosed"` — the meaning the format gives an unlisted
 * category. Items of other lists are never invented: a key the declaration lacks is
 * Missing (assert such a party with `-`).
 */
export function locate(doc: Record<string, unknown>, steps: Step[], create: boolean): Slot | Missing {
  let node: unknown = doc;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const last = i === steps.length - 1;
    if (step.kind === 'field') {
      if (!isObject(node)) return { missing: `nothing to hold ${step.name}` };
      if (last) return { parent: node, step, current: node[step.name] };
      const next = steps[i + 1];
      if (node[step.name] === undefined) {
        if (!create) return { missing: `the declaration has no ${step.name}` };
        if (next.kind === 'field') node[step.name] = {};
        else if (next.kind === 'append' || step.name === 'dataCategories') node[step.name] = [];
        else return { missing: `the declaration has no ${step.name}, so no item "${next.key.join('@')}"` };
      }
      node = node[step.name];
      continue;
    }
    if (!Array.isArray(node)) return { missing: `${step.list} is not a list here` };
    if (step.kind === 'append') return { parent: node, step, current: undefined };
    const key = step.key.join('@');
    let index = findItem(node, step.fields, key);
    if (index < 0) {
      if (!(create && step.list === 'dataCategories')) return { missing: `the declaration lists no ${step.list} item "${key}"` };
      node.push({ category: key, collected: 'undisclosed' });
      index = node.length - 1;
    }
    if (last) return { parent: node, step, current: node[index], index };
    node = node[index];
  }
  return { missing: 'an empty pointer' };
}

export const isMissing = (slot: Slot | Missing): slot is Missing => 'missing' in slot;

/** Puts `value` in the slot: sets a field, replaces an item, or adds one (replacing a same-key item). */
export function put(slot: Slot, value: unknown): void {
  const { parent, step } = slot;
  const copy = structuredClone(value);
  if (step.kind === 'field') (parent as Record<string, unknown>)[step.name] = copy;
  else {
    const list = parent as unknown[];
    const index = step.kind === 'item' ? slot.index! : findItem(list, step.fields, itemKey(value, step.fields) ?? '');
    if (index >= 0) list[index] = copy;
    else list.push(copy);
  }
}
