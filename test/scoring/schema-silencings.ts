/**
 * Every way of silencing one answer of a declaration, derived from the declaration schema
 * itself rather than from a hand-kept list: leaving out any optional field, answering
 * `"undisclosed"` wherever the schema allows it, and leaving out a category entry (a category
 * not listed counts as `collected: "undisclosed"`). A field added to the format is silenced by
 * this walk without anyone remembering to add it, so P4 ("answering only narrows") is checked
 * for it at once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/paths.js';

type Schema = Record<string, unknown>;
type Json = unknown;

const schemaFiles: Record<string, Schema> = {};
function schemaFile(name: string): Schema {
  return (schemaFiles[name] ??= JSON.parse(readFileSync(path.join(projectRoot, 'schemas', name), 'utf8')) as Schema);
}

/** A schema with its `$ref`s followed (within the declaration schema and the shared definitions). */
function resolve(schema: Schema, file: string): { schema: Schema; file: string } {
  let s = schema;
  let f = file;
  for (let guard = 0; typeof s.$ref === 'string' && guard < 20; guard++) {
    const [target, fragment] = (s.$ref as string).split('#');
    if (target) f = target;
    let node: unknown = schemaFile(f);
    for (const part of (fragment ?? '').split('/').filter(Boolean)) node = (node as Record<string, unknown>)[part];
    s = node as Schema;
  }
  return { schema: s, file: f };
}

const alternatives = (s: Schema): Schema[] => [...((s.anyOf as Schema[] | undefined) ?? []), ...((s.oneOf as Schema[] | undefined) ?? [])];

/** Whether a resolved schema is the "undisclosed" answer: the string itself, or `{ kind: "undisclosed" }`. */
function undisclosedForm(s: Schema, file: string): Json | undefined {
  const r = resolve(s, file).schema;
  if (r.const === 'undisclosed' || (Array.isArray(r.enum) && r.enum.length === 1 && r.enum[0] === 'undisclosed')) return 'undisclosed';
  const kind = (r.properties as Record<string, Schema> | undefined)?.kind;
  if (kind?.const === 'undisclosed') return { kind: 'undisclosed' };
  return undefined;
}

function matchesType(s: Schema, file: string, value: Json): boolean {
  const r = resolve(s, file).schema;
  if (undisclosedForm(r, file) !== undefined && value !== 'undisclosed' && !(typeof value === 'object' && value !== null && (value as { kind?: string }).kind === 'undisclosed')) return false;
  const t = r.type;
  if (Array.isArray(value)) return t === 'array' || r.items !== undefined;
  if (value !== null && typeof value === 'object') {
    if (!(t === 'object' || r.properties !== undefined)) return false;
    // Among objects (the kinds of retention), the one whose `kind` matches.
    const kind = (r.properties as Record<string, Schema> | undefined)?.kind;
    const want = (value as { kind?: unknown }).kind;
    if (kind && want !== undefined) {
      const k = resolve(kind, file).schema;
      if (k.const !== undefined) return k.const === want;
      if (Array.isArray(k.enum)) return k.enum.includes(want);
    }
    return true;
  }
  if (typeof value === 'string') return t === 'string' || r.enum !== undefined || r.const !== undefined || alternatives(r).length > 0;
  if (typeof value === 'number') return t === 'number' || t === 'integer';
  if (typeof value === 'boolean') return t === 'boolean';
  return true;
}

export interface Silencing {
  /** Where, as a JSON Pointer into this document. */
  pointer: string;
  /** The same place with array indexes as `*`: one name per field of the format. */
  field: string;
  what: 'left out' | 'undisclosed';
  apply: (doc: Json) => void;
}

function at(doc: Json, tokens: readonly (string | number)[]): Json {
  let node = doc;
  for (const t of tokens) node = (node as Record<string | number, Json>)[t];
  return node;
}

const pointerOf = (tokens: readonly (string | number)[]) => tokens.map((t) => `/${String(t).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
const fieldOf = (tokens: readonly (string | number)[]) => tokens.map((t) => (typeof t === 'number' ? '/*' : `/${t}`)).join('');

function walk(schema: Schema, file: string, value: Json, tokens: (string | number)[], out: Silencing[]): void {
  const { schema: s, file: f } = resolve(schema, file);
  const alts = alternatives(s);
  if (alts.length > 0) {
    const undisclosed = alts.map((a) => undisclosedForm(a, f)).find((u) => u !== undefined);
    const isUndisclosed = value === 'undisclosed' || (typeof value === 'object' && value !== null && !Array.isArray(value) && (value as { kind?: string }).kind === 'undisclosed');
    if (undisclosed !== undefined && !isUndisclosed) out.push(setTo(tokens, undisclosed));
    const alt = alts.find((a) => matchesType(a, f, value));
    if (alt) walk(alt, f, value, tokens, out);
    return;
  }
  if (Array.isArray(s.enum) && s.enum.includes('undisclosed') && value !== 'undisclosed' && s.enum.length > 1) out.push(setTo(tokens, 'undisclosed'));
  if (Array.isArray(value) && s.items) {
    value.forEach((item, i) => walk(s.items as Schema, f, item, [...tokens, i], out));
    return;
  }
  if (value !== null && typeof value === 'object' && s.properties) {
    const props = s.properties as Record<string, Schema>;
    const required = new Set((s.required as string[] | undefined) ?? []);
    for (const [key, v] of Object.entries(value as Record<string, Json>)) {
      if (!props[key]) continue;
      const here = [...tokens, key];
      if (!required.has(key)) out.push({ pointer: pointerOf(here), field: fieldOf(here), what: 'left out', apply: (doc) => delete (at(doc, tokens) as Record<string, Json>)[key] });
      walk(props[key], f, v, here, out);
    }
  }
}

function setTo(tokens: readonly (string | number)[], answer: Json): Silencing {
  const parent = tokens.slice(0, -1);
  const last = tokens[tokens.length - 1];
  return { pointer: pointerOf(tokens), field: fieldOf(tokens), what: 'undisclosed', apply: (doc) => ((at(doc, parent) as Record<string | number, Json>)[last] = structuredClone(answer)) };
}

/** Every single silencing of `doc` the declaration schema allows (each applied to a clone by the caller). */
export function schemaSilencings(doc: Json): Silencing[] {
  const out: Silencing[] = [];
  walk(schemaFile('declaration.schema.json'), 'declaration.schema.json', doc, [], out);
  // A category the declaration does not list counts as collected "undisclosed": leaving an entry out is silence too.
  const categories = (doc as { dataCategories: unknown[] }).dataCategories;
  if (categories.length > 1)
    categories.forEach((_, i) => out.push({ pointer: `/dataCategories/${i}`, field: '/dataCategories/*', what: 'left out', apply: (d) => (d as { dataCategories: unknown[] }).dataCategories.splice(i, 1) }));
  return out;
}

/** Every optional field, and every field that may be answered "undisclosed", that the format has (array items as `*`). */
export function silenceableFields(): Set<string> {
  const out = new Set<string>();
  const visit = (schema: Schema, file: string, field: string) => {
    const { schema: s, file: f } = resolve(schema, file);
    const alts = alternatives(s);
    if (alts.some((a) => undisclosedForm(a, f) !== undefined)) out.add(`${field} undisclosed`);
    if (Array.isArray(s.enum) && s.enum.includes('undisclosed') && s.enum.length > 1) out.add(`${field} undisclosed`);
    // As the walk of a document: an alternative's own fields, not the discriminator beside them.
    if (alts.length > 0) {
      for (const a of alts) visit(a, f, field);
      return;
    }
    if (s.items) visit(s.items as Schema, f, `${field}/*`);
    if (s.properties) {
      const required = new Set((s.required as string[] | undefined) ?? []);
      for (const [key, p] of Object.entries(s.properties as Record<string, Schema>)) {
        if (!required.has(key)) out.add(`${field}/${key} left out`);
        visit(p, f, `${field}/${key}`);
      }
    }
  };
  visit(schemaFile('declaration.schema.json'), 'declaration.schema.json', '');
  return out;
}
