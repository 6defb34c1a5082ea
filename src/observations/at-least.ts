import { isDeepStrictEqual } from 'node:util';
import type { Step } from './format-place.js';
import { itemKey } from './list-keys.js';
import { isMissing, locate, put, type Slot } from './walk-declaration.js';

/**
 * Facts from an "at least these" source (an assessment): a list it states names items that
 * are there, never all of them. Applied, such a fact adds to what is already known instead
 * of replacing it, and where the declaration is silent it keeps the rest open:
 * - a list value joins the list already there; over silence, `capabilities` gain
 *   "undisclosed" (the format's "and maybe more"), and a list the format cannot leave open
 *   (storage locations, establishments) is not applied, so the range stays wide;
 * - an item of a keyed list joins the list, its own lists joined with the same item's;
 *   a `thirdParties` list the declaration left out gets the party and a stand-in for the
 *   parties not named (seat, capabilities and client undisclosed), so the list stays open;
 *   an `interception` list left out gets the other parties as "undisclosed"; statutes and
 *   policies cannot be left open, so they are applied only beside a declared list.
 * Returns why the fact is not applied, or undefined once applied.
 */
export function putAtLeast(doc: Record<string, unknown>, steps: Step[], value: unknown): string | undefined {
  const last = steps.at(-1)!;
  const before = locate(doc, steps, false);
  const silentList = isMissing(before) && last.kind === 'append';
  if (silentList && (last.list === 'interceptionStatutes' || last.list === 'policies')) {
    return `an assessment's ${last.list} read as "at least these": they cannot stand for a list the declaration leaves out`;
  }
  const slot = locate(doc, steps, true);
  if (isMissing(slot)) return slot.missing;
  if (last.kind === 'append') {
    const same = (slot.parent as unknown[]).find((item) => itemKey(item, last.fields) === itemKey(value, last.fields));
    put(slot, same === undefined ? value : joinItem(same as Record<string, unknown>, value as Record<string, unknown>));
    if (silentList && last.list === 'thirdParties') (slot.parent as unknown[]).push(structuredClone(UNNAMED_PARTIES));
    if (silentList && last.list === 'interception') for (const party of INTERCEPTING_PARTIES) addParty(slot, party);
    return undefined;
  }
  const joined = joinValue(slot, value);
  if (joined === NOT_OPEN) return 'an assessment\'s list reads as "at least these"; the format cannot leave this list open, so the range stays as the declaration leaves it';
  put(slot, joined);
  return undefined;
}

/** The parties the format names for interception in transit and at rest. */
const INTERCEPTING_PARTIES = ['network-operator', 'provider', 'third-party', 'attacker'];

/** Stands for the parties an assessment does not name, when the declaration names none. */
export const UNNAMED_PARTIES = {
  id: 'parties-not-named',
  name: 'Parties the assessment does not name',
  relationship: 'licensee',
  jurisdiction: 'undisclosed',
  capabilities: 'undisclosed',
  distributesClient: 'undisclosed',
};

const NOT_OPEN = Symbol('not open');
/** Lists whose items the format lets end with "undisclosed" (and maybe more). */
const OPEN_WITH_UNDISCLOSED = new Set(['capabilities']);

function addParty(slot: Slot, party: string): void {
  const list = slot.parent as { party: string }[];
  if (!list.some((i) => i.party === party)) list.push({ party, capability: 'undisclosed' } as never);
}

const union = (a: unknown[], b: unknown[]) => [...a, ...b.filter((x) => !a.some((y) => isDeepStrictEqual(x, y)))];

function joinValue(slot: Slot, value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const current = slot.current;
  if (Array.isArray(current)) return union(current, value);
  const field = slot.step.kind === 'field' ? slot.step.name : '';
  if (OPEN_WITH_UNDISCLOSED.has(field)) return value.includes('undisclosed') ? value : [...value, 'undisclosed'];
  // purposes and services change no number; storage and establishments would close a list the provider left open.
  return field === 'purposes' || field === 'services' ? value : NOT_OPEN;
}

/** The same item stated twice: the assessment's fields over the known ones, lists joined. */
function joinItem(known: Record<string, unknown>, stated: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...known };
  for (const [k, v] of Object.entries(stated)) out[k] = Array.isArray(v) && Array.isArray(known[k]) ? union(known[k] as unknown[], v) : v;
  return out;
}
