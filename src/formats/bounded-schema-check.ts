import type { ErrorObject, ValidateFunction } from 'ajv';
import { issuesFromAjv } from './ajv-issues.js';
import { compareDocumentOrder, compareIssues, compareSegments } from './document-order.js';
import { escapeToken } from './json-pointer.js';
import { MinHeap } from './min-heap.js';
import type { ArrayPlace, ObjectPlace, PlaceTree, SchemaRef } from './schema-places.js';
import type { ValidationIssue } from './validation-error.js';

/**
 * The schema's problems with a document, the first `cap` of them in document order — found
 * without building the rest. Ajv with `allErrors` builds an error object for every failing
 * value before any cap can apply: a 1 MB body of 9,500 bad rows cost seconds. Here the
 * document is validated in pieces:
 *
 * - a skeleton, in which every array longer than LONG items keeps its first LONG and every closed
 *   object with more than MANY_KEYS unknown keys loses them: one Ajv call with `allErrors`;
 * - the array-level checks of a cut array (`maxItems`, `uniqueItems`) on the whole array, and an
 *   `additionalProperties` error per unknown key of a cut object, computed here exactly as Ajv
 *   words them (`uniqueItems` in linear time, where Ajv compares every pair);
 * - the remaining items, one at a time with the item's own compiled schema, and the remaining
 *   unknown keys, in document order, until more than `cap` problems lie before everything not
 *   yet looked at. Everything past that point is after the listed problems, so the list is
 *   exactly the first `cap` problems the whole-document validation would report.
 *
 * The places where arrays and closed objects sit come from the schema (schema-places.ts).
 */
export const LONG = 8;
export const MANY_KEYS = 16;

export interface BoundedSchemaIssues {
  /** In document order; at most `cap`. */
  issues: ValidationIssue[];
  /** The document has more than `cap` schema problems. */
  more: boolean;
  /** Work done, for tests that count it: Ajv calls, and issues built. */
  work: { validations: number; issuesBuilt: number };
}

export interface PieceValidators {
  /** The compiled validator of a fragment of a schema (cached by the registry). */
  fragment(ref: SchemaRef): ValidateFunction;
}

interface ItemsLeft {
  kind: 'items';
  at: string;
  array: unknown[];
  place: ArrayPlace;
  next: number;
}
interface KeysLeft {
  kind: 'keys';
  at: string;
  object: ObjectPlace;
  /** Unknown keys, escaped as in a pointer, in document order. */
  keys: string[];
  next: number;
}
type Left = (ItemsLeft | KeysLeft) & { position: string };

const unescapeToken = (token: string) => (token.includes('~') ? token.replace(/~1/g, '/').replace(/~0/g, '~') : token);
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A key for equality as fast-deep-equal (Ajv's) sees JSON values: objects by their sorted keys. */
function canonical(value: unknown): string {
  if (typeof value === 'string') return `s${value}`;
  if (typeof value !== 'object' || value === null) return `v${JSON.stringify(value)}`;
  return `o${JSON.stringify(value, (_k, v: unknown) => (isPlainObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v))}`;
}

/** Ajv's `uniqueItems` error for a whole array: its loop reports the last item equal to an earlier one, and the nearest such earlier one. */
function duplicatePair(array: unknown[]): { i: number; j: number } | undefined {
  const last = new Map<string, number>();
  let found: { i: number; j: number } | undefined;
  array.forEach((item, k) => {
    const key = canonical(item);
    const earlier = last.get(key);
    if (earlier !== undefined) found = { i: k, j: earlier };
    last.set(key, k);
  });
  return found;
}

const unknownKeyError = (at: string, object: ObjectPlace, key: string): ErrorObject => ({
  instancePath: at,
  schemaPath: object.schemaPath,
  keyword: 'additionalProperties',
  params: { additionalProperty: key },
  message: 'must NOT have additional properties',
  schema: false,
  parentSchema: object.node,
});

/** One piece: the value with its long arrays and big objects cut, and what was cut. */
interface Piece {
  skeleton: unknown;
  /** Errors of the cut arrays and objects as a whole, worded as Ajv words them. */
  whole: ErrorObject[];
  /** Pointers of cut arrays: the skeleton's own maxItems/uniqueItems errors there are replaced by `whole`. */
  cutArrays: Set<string>;
  left: Left[];
}

function cut(value: unknown, tree: PlaceTree, at: string, piece: Piece): unknown {
  if (tree.array && Array.isArray(value)) {
    const place = tree.array;
    const keep = Math.max(LONG, place.minItems);
    let out: unknown[] | undefined;
    const kept = Math.min(value.length, keep);
    for (let i = 0; i < kept; i++) {
      const item = cut(value[i], place.inside, `${at}/${i}`, piece);
      if (item !== value[i]) (out ??= value.slice(0, kept))[i] = item;
    }
    if (value.length <= keep) return out ?? value;
    piece.cutArrays.add(at);
    if (place.maxItems !== undefined && value.length > place.maxItems)
      piece.whole.push({ instancePath: at, schemaPath: '', keyword: 'maxItems', params: { limit: place.maxItems }, message: `must NOT have more than ${place.maxItems} items` });
    const pair = place.uniqueItems ? duplicatePair(value) : undefined;
    if (pair) piece.whole.push({ instancePath: at, schemaPath: '', keyword: 'uniqueItems', params: pair, message: `must NOT have duplicate items (items ## ${pair.j} and ${pair.i} are identical)` });
    piece.left.push({ kind: 'items', at, array: value, place, next: keep, position: `${at}/${keep}` });
    return out ?? value.slice(0, keep);
  }
  if (!isPlainObject(value) || (!tree.object && !tree.variants && tree.children.size === 0)) return value;
  let out: Record<string, unknown> | undefined;
  const object = tree.object;
  if (object?.closed) {
    const unknown = Object.keys(value).filter((k) => !object.known.has(k));
    if (unknown.length > MANY_KEYS) {
      out = {};
      for (const k of Object.keys(value)) if (object.known.has(k)) out[k] = value[k];
      const keys = unknown.map(escapeToken).sort(compareSegments);
      piece.left.push({ kind: 'keys', at, object, keys, next: 0, position: `${at}/${keys[0]}` });
    }
  }
  for (const [name, child] of tree.children) {
    if (!Object.hasOwn(value, name)) continue;
    const inner = cut(value[name], child, `${at}/${escapeToken(name)}`, piece);
    if (inner !== value[name]) (out ??= { ...value })[name] = inner;
  }
  // The variant its tag names, as Ajv's discriminator picks it (an unknown tag is one error, no variant checked).
  const tag = tree.variants ? value[tree.variants.property] : undefined;
  const variant = typeof tag === 'string' ? tree.variants!.byTag.get(tag) : undefined;
  return variant ? cut(out ?? value, variant, at, piece) : (out ?? value);
}

export function boundedSchemaIssues(validators: PieceValidators, root: SchemaRef, places: PlaceTree, doc: unknown, cap: number): BoundedSchemaIssues {
  const work = { validations: 0, issuesBuilt: 0 };
  const pending = new MinHeap<ValidationIssue>(compareIssues);
  const left = new MinHeap<Left>((a, b) => compareDocumentOrder(a.position, b.position));
  const seen = new Set<string>();
  const add = (issues: ValidationIssue[]) => {
    work.issuesBuilt += issues.length;
    for (const issue of issues) {
      const key = `${issue.pointer}\u0000${issue.keyword}\u0000${issue.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pending.push(issue);
    }
  };
  const check = (validate: ValidateFunction, value: unknown, at: string, tree: PlaceTree) => {
    const piece: Piece = { skeleton: undefined, whole: [], cutArrays: new Set(), left: [] };
    piece.skeleton = cut(value, tree, at, piece);
    work.validations++;
    const errors = validate(piece.skeleton, { instancePath: at, parentData: {}, parentDataProperty: '', rootData: piece.skeleton, dynamicAnchors: {} } as never)
      ? []
      : (validate.errors ?? []).filter((e) => !(piece.cutArrays.has(e.instancePath) && (e.keyword === 'maxItems' || e.keyword === 'uniqueItems')));
    add(issuesFromAjv([...errors, ...piece.whole]));
    for (const l of piece.left) left.push(l);
  };
  check(validators.fragment(root), doc, '', places);

  const listed: ValidationIssue[] = [];
  let more = false;
  for (let next = left.pop(); next !== undefined; next = left.pop()) {
    // Every problem before `next` is known: list them; past the cap, the rest is after them.
    while (pending.size > 0 && compareDocumentOrder(pending.peek()!.pointer, next.position) < 0) listed.push(pending.pop()!);
    if (listed.length > cap) {
      more = true;
      break;
    }
    if (next.kind === 'items') {
      const i = next.next;
      check(validators.fragment(next.place.item), next.array[i], `${next.at}/${i}`, next.place.inside);
      if (i + 1 < next.array.length) left.push({ ...next, next: i + 1, position: `${next.at}/${i + 1}` });
    } else {
      // A batch of unknown keys at a time: each is one error, as Ajv reports it.
      const batch = next.keys.slice(next.next, next.next + 64);
      add(issuesFromAjv(batch.map((k) => unknownKeyError(next.at, next.object, unescapeToken(k)))));
      const after = next.next + batch.length;
      if (after < next.keys.length) left.push({ ...next, next: after, position: `${next.at}/${next.keys[after]}` });
    }
  }
  if (!more) while (pending.size > 0) listed.push(pending.pop()!);
  if (listed.length > cap) more = true;
  return { issues: listed.slice(0, cap), more, work };
}

/** Compiles every item's validator of a schema now (at start-up), so the first invalid document does not pay for it. */
export function compilePieces(validators: PieceValidators, places: PlaceTree): number {
  let compiled = 0;
  const walk = (tree: PlaceTree) => {
    if (tree.array) {
      validators.fragment(tree.array.item);
      compiled++;
      walk(tree.array.inside);
    }
    for (const child of tree.children.values()) walk(child);
  };
  walk(places);
  return compiled;
}
