/**
 * Lists of the declaration format whose items have an identity, and the fields that make
 * it. Observations address items by key, not index, so a pointer keeps meaning the same
 * item across versions. Composite keys join their parts with `@` (`CALEA@US`).
 */
export const LIST_KEYS: Readonly<Record<string, readonly string[]>> = {
  dataCategories: ['category'],
  thirdParties: ['id'],
  interception: ['party'],
  interceptionStatutes: ['statute', 'jurisdiction'],
  policies: ['process', 'jurisdiction'],
};

export const KEY_SEPARATOR = '@';

/** The key of an item of a keyed list (`{statute: "CALEA", jurisdiction: "US"}` → `CALEA@US`). */
export function itemKey(item: unknown, fields: readonly string[]): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const parts = fields.map((f) => (item as Record<string, unknown>)[f]);
  return parts.every((p) => typeof p === 'string') ? parts.join(KEY_SEPARATOR) : undefined;
}

/** The parts of a key as written in a pointer; the last part takes what follows the last `@` (statutes may contain `@`). */
export function keyParts(key: string, fields: readonly string[]): string[] | undefined {
  if (fields.length === 1) return [key];
  const cut = key.lastIndexOf(KEY_SEPARATOR);
  if (cut <= 0 || cut === key.length - 1) return undefined;
  return [key.slice(0, cut), key.slice(cut + 1)];
}
