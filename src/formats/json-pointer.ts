/** RFC 6901: escape one reference token (`~` → `~0`, `/` → `~1`). */
export function escapeToken(token: string | number): string {
  if (typeof token === 'number') return String(token);
  // Most tokens need no escaping; skip the regexes for them (pointers are built in hot loops).
  if (token.indexOf('~') === -1 && token.indexOf('/') === -1) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON Pointer from path segments. */
export function pointer(...segments: (string | number)[]): string {
  let out = '';
  for (const s of segments) out += '/' + escapeToken(s);
  return out;
}

/** Splits a JSON Pointer into unescaped segments. */
export function parsePointer(ptr: string): string[] {
  if (ptr === '') return [];
  return ptr
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Resolves a JSON Pointer against a document; undefined when it does not exist. */
export function resolvePointer(doc: unknown, ptr: string): unknown {
  let node: unknown = doc;
  for (const seg of parsePointer(ptr)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, seg)) return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}
