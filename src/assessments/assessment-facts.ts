import type { DeclarationFragment } from '../formats/types.generated.js';
import { resolvePlace, type FormatPlace } from '../observations/format-place.js';

/** One fact an assessment states: a key-addressed place of the declaration format and its value. */
export interface AssessedFact {
  /** 1, 2, 3… in the order the document states them. */
  fact: number;
  pointer: string;
  value: unknown;
  place: FormatPlace;
}

type SchemaOf = (name: string) => object | undefined;
type Item = Record<string, unknown>;

const PROVIDER_FACTS = ['headquarters', 'establishments', 'services', 'website'];
const LEGAL_PROCESS_FACTS = ['guidelinesUrl', 'liveInterception', 'encryptionDemands'];
const esc = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The facts of an assessment's document, each at the place an observation would name:
 * a category's answers one by one (`/dataCategories/message-content/retention`, protection
 * by its two halves), each listed item of a keyed list whole (`/thirdParties/-` with the
 * party), every other answer at its own field. What identifies the provider (`id`, `name`)
 * and the document's own `sources` are not facts. Pure; the document must be valid.
 */
export function assessedFacts(document: DeclarationFragment, schemas: SchemaOf): AssessedFact[] {
  const out: { pointer: string; value: unknown }[] = [];
  const add = (pointer: string, value: unknown) => value !== undefined && out.push({ pointer, value });
  const provider = (document.provider ?? {}) as Item;
  for (const field of PROVIDER_FACTS) add(`/provider/${field}`, provider[field]);
  for (const category of (document.dataCategories ?? []) as unknown as Item[]) {
    const at = `/dataCategories/${esc(String(category.category))}`;
    for (const [field, value] of Object.entries(category)) {
      if (field === 'category' || field === 'sources') continue;
      if (field === 'protection') for (const [half, v] of Object.entries(value as Item)) add(`${at}/protection/${half}`, v);
      else if (field === 'interception') for (const item of value as Item[]) add(`${at}/interception/-`, item);
      else add(`${at}/${field}`, value);
    }
  }
  for (const party of (document.thirdParties ?? []) as unknown as Item[]) add('/thirdParties/-', party);
  const legal = (document.legalProcess ?? {}) as Item;
  for (const field of LEGAL_PROCESS_FACTS) add(`/legalProcess/${field}`, legal[field]);
  for (const statute of (legal.interceptionStatutes ?? []) as Item[]) add('/legalProcess/interceptionStatutes/-', statute);
  for (const policy of (legal.policies ?? []) as Item[]) add('/legalProcess/policies/-', policy);
  return out.flatMap(({ pointer, value }, i) => {
    const place = resolvePlace(pointer, schemas);
    return 'keyword' in place ? [] : [{ fact: i + 1, pointer, value, place }];
  });
}
