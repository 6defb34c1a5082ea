/**
 * Where a schema lets a document grow: its arrays and its closed objects, found by walking the
 * schema (`properties`, `items`, `$ref`, and an `anyOf` with a single array or object branch).
 * The bounded check (bounded-schema-check.ts) uses it to validate a long array item by item and
 * to list the unknown keys of a big object itself, so that checking a hostile document can stop
 * once enough problems are found. Derived from the schemas, never listed by hand: a new array in
 * the format is covered as soon as it is in the schema.
 */

type SchemaNode = Record<string, unknown>;

/** A place for a schema fragment: the schema's short name and a JSON Pointer inside it. */
export interface SchemaRef {
  schema: string;
  pointer: string;
}

export interface ArrayPlace {
  /** The array's own schema. */
  schema: SchemaRef;
  /** The schema an item is validated with on its own. */
  item: SchemaRef;
  minItems: number;
  maxItems: number | undefined;
  uniqueItems: boolean;
  /** Places inside an item. */
  inside: PlaceTree;
}

export interface ObjectPlace {
  /** `additionalProperties: false` with nothing else that reads unknown keys: every unknown key is one error. */
  closed: boolean;
  /** Property names the schema knows here. */
  known: ReadonlySet<string>;
  /** The object's schema, as Ajv reports it (`parentSchema`) with an unknown key. */
  node: SchemaNode;
  schemaPath: string;
}

/** Places below one value: by property name (`*` stands for any item of an array). */
export interface PlaceTree {
  object?: ObjectPlace;
  array?: ArrayPlace;
  children: Map<string, PlaceTree>;
  /** A `discriminator` object: Ajv validates it with the one variant its tag names. */
  variants?: { property: string; byTag: Map<string, PlaceTree> };
}

/** Keywords an array schema may carry for its items to be checked one by one with the same result. */
const ARRAY_KEYWORDS = new Set(['type', 'items', 'maxItems', 'minItems', 'uniqueItems', 'description', 'title', '$comment']);
/** Keywords of an object schema whose unknown keys the bounded check may list itself. */
const OBJECT_KEYWORDS = new Set(['type', 'properties', 'required', 'additionalProperties', 'description', 'title', '$comment', 'examples', '$schema', '$id', '$defs']);

const isNode = (v: unknown): v is SchemaNode => typeof v === 'object' && v !== null && !Array.isArray(v);
const unescape = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');

export function schemaPlaces(schemas: (name: string) => object | undefined, root: string): PlaceTree {
  const nameOfFile = (file: string) => file.replace(/\.schema\.json$/, '');
  const at = (ref: SchemaRef): SchemaNode | undefined => {
    let node: unknown = schemas(ref.schema);
    for (const token of ref.pointer.split('/').slice(1)) node = isNode(node) || Array.isArray(node) ? (node as Record<string, unknown>)[unescape(token)] : undefined;
    return isNode(node) ? node : undefined;
  };
  /** Follows `$ref`s (a node that is only a reference) to the schema they name. */
  const resolve = (ref: SchemaRef, depth = 0): SchemaRef | undefined => {
    const node = at(ref);
    if (!node || depth > 16) return undefined;
    if (typeof node.$ref !== 'string') return ref;
    if (Object.keys(node).some((k) => k !== '$ref' && k !== 'description' && k !== 'title')) return undefined;
    const [file, pointer = ''] = node.$ref.split('#');
    return resolve({ schema: file === '' ? ref.schema : nameOfFile(file), pointer }, depth + 1);
  };
  const walking = new Set<string>();
  const walk = (start: SchemaRef): PlaceTree => {
    const tree: PlaceTree = { children: new Map() };
    let ref = resolve(start);
    if (!ref) return tree;
    let node = at(ref)!;
    const key = `${ref.schema}#${ref.pointer}`;
    if (walking.has(key)) return tree; // a recursive schema: its inner places stay whole
    walking.add(key);
    try {
      // An anyOf (or oneOf) with one structured branch (an array or an object) and scalar values
      // otherwise, which an array or object can never match: an array or object is that branch's.
      const alternatives = Array.isArray(node.anyOf) ? 'anyOf' : Array.isArray(node.oneOf) && node.discriminator === undefined ? 'oneOf' : undefined;
      if (alternatives && Object.keys(node).every((k) => k === alternatives || k === 'description' || k === 'title')) {
        const branches = (node[alternatives] as unknown[]).map((_, i) => resolve({ schema: ref!.schema, pointer: `${ref!.pointer}/${alternatives}/${i}` }));
        if (branches.includes(undefined)) return tree;
        const structured = branches.filter((b) => at(b!)!.type === 'array' || at(b!)!.type === 'object');
        const scalar = (b: SchemaRef) => {
          const n = at(b)!;
          return (typeof n.type === 'string' && n.type !== 'array' && n.type !== 'object') || (n.const !== undefined && typeof n.const !== 'object') || (Array.isArray(n.enum) && n.enum.every((v) => typeof v !== 'object'));
        };
        if (structured.length !== 1 || !branches.every((b) => b === structured[0] || scalar(b!))) return tree;
        ref = structured[0]!;
        node = at(ref)!;
      }
      // A discriminated object: each variant (by the constant of its tag) is a place of its own.
      const discriminator = node.discriminator as { propertyName?: unknown } | undefined;
      if (discriminator && typeof discriminator.propertyName === 'string' && Array.isArray(node.oneOf)) {
        const property = discriminator.propertyName;
        const byTag = new Map<string, PlaceTree>();
        node.oneOf.forEach((_, i) => {
          const branch = resolve({ schema: ref!.schema, pointer: `${ref!.pointer}/oneOf/${i}` });
          const tag = branch && (at(branch)?.properties as Record<string, { const?: unknown }> | undefined)?.[property]?.const;
          if (branch && typeof tag === 'string') byTag.set(tag, walk(branch));
        });
        if (byTag.size > 0) tree.variants = { property, byTag };
      }
      if (node.type === 'array' && isNode(node.items) && Object.keys(node).every((k) => ARRAY_KEYWORDS.has(k))) {
        const items: SchemaRef = { schema: ref.schema, pointer: `${ref.pointer}/items` };
        // An item that is only a reference is validated by what it references, as Ajv does inside the whole.
        tree.array = {
          schema: ref,
          item: resolve(items) ?? items,
          minItems: typeof node.minItems === 'number' ? node.minItems : 0,
          maxItems: typeof node.maxItems === 'number' ? node.maxItems : undefined,
          uniqueItems: node.uniqueItems === true,
          inside: walk(items),
        };
      }
      if (node.type === 'object' && isNode(node.properties)) {
        const properties = node.properties;
        tree.object = {
          closed: node.additionalProperties === false && Object.keys(node).every((k) => OBJECT_KEYWORDS.has(k)),
          known: new Set(Object.keys(properties)),
          node,
          schemaPath: `${ref.schema === start.schema ? '' : `${ref.schema}.schema.json`}#${ref.pointer}/additionalProperties`,
        };
        for (const name of Object.keys(properties)) {
          const child = walk({ schema: ref.schema, pointer: `${ref.pointer}/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}` });
          if (child.array || child.object || child.variants || child.children.size > 0) tree.children.set(name, child);
        }
      }
      return tree;
    } finally {
      walking.delete(key);
    }
  };
  return walk({ schema: root, pointer: '' });
}
