import { isProviderId } from '../formats/provider-id.js';

/** Safe readers for untrusted TILT JSON: real files put lists, objects, null and [] where a value belongs. */
export type Json = unknown;

export const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A list from a list, a single object, or nothing. */
export const asList = (v: Json): Json[] => (Array.isArray(v) ? v : v === null || v === undefined ? [] : [v]);

/**
 * The most characters of one TILT string the import looks at: names, countries, addresses,
 * category labels and URLs (at most 2,048, the schema's limit) are far shorter. Cut before any
 * pattern runs, so no pattern (the category keywords, the address split, the country lookup)
 * ever sees a longer string.
 */
export const MAX_TILT_TEXT = 2048;

/** A non-empty trimmed string (its first MAX_TILT_TEXT characters), or undefined (TILT writes [] or null for "no value"). */
export function asText(v: Json): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = (v.length > MAX_TILT_TEXT ? v.slice(0, MAX_TILT_TEXT) : v).replace(/\u200b/g, '').trim();
  return t.length > 0 ? t : undefined;
}

export const field = (v: Json, key: string): Json => (isObject(v) ? v[key] : undefined);

/** Cuts text to a schema's maxLength without splitting a surrogate pair. */
export const clip = (text: string, max: number) => (text.length <= max ? text : Array.from(text).slice(0, max - 1).join('') + '…');

export function slugOf(text: string | undefined): string | undefined {
  const slug = (text ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return isProviderId(slug) ? slug : undefined;
}
