/** Elements of a long array serialised together; each piece stays far below the size of a large string. */
const PIECE = 64;

/**
 * The UTF-8 bytes of `JSON.stringify(value)` for an object answer, made in pieces: a top-level
 * array longer than a piece (the cells of an exposure matrix) is serialised a few elements at a
 * time and each piece encoded at once, then the bytes are joined into a buffer of their own. The same bytes as
 * `Buffer.from(JSON.stringify(value))`, without building one string of the whole answer (at a
 * few hundred kilobytes a string the garbage collector must treat apart, then encoded again
 * in full): about half the cost for a 140 KB answer.
 */
export function jsonBytes(value: Record<string, unknown>): Uint8Array {
  const parts: Buffer[] = [];
  let text = '{';
  let first = true;
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (Array.isArray(v) && v.length > PIECE) {
      text += `${first ? '' : ','}${JSON.stringify(key)}:[`;
      for (let i = 0; i < v.length; i += PIECE) {
        const piece = JSON.stringify(v.slice(i, i + PIECE));
        parts.push(Buffer.from(`${text}${i > 0 ? ',' : ''}${piece.slice(1, -1)}`, 'utf8'));
        text = '';
      }
      text = ']';
      first = false;
      continue;
    }
    const json = JSON.stringify(v) as string | undefined;
    if (json === undefined) continue; // undefined, a function or a symbol: left out, as JSON.stringify does
    text += `${first ? '' : ','}${JSON.stringify(key)}:${json}`;
    first = false;
  }
  parts.push(Buffer.from(`${text}}`, 'utf8'));
  // A buffer of its own (not a view of Node's shared pool), so it can be handed to another thread without a copy.
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
