import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { schemasDir } from '../paths.js';
import { schemaPlaces, type PlaceTree } from './schema-places.js';

const addFormats = formats.default;

export interface SchemaRegistry {
  /** Short names (`declaration`, `common`, …) of every schema in schemas/. */
  names(): string[];
  /** The schema document as shipped, or undefined. */
  schema(name: string): object | undefined;
  /** A compiled validator, compiled once at start-up. */
  validator(name: string): ValidateFunction;
  /**
   * A validator of one place inside a schema (`declaration#/$defs/retention`), compiled on
   * first use and kept: what checks a value meant for that place on its own.
   */
  fragment(name: string, jsonPointer: string): ValidateFunction;
  /**
   * A validator that stops at the first error and keeps no error details: the cheap answer to
   * "is it valid?", for the common case. Only when it says no does a caller need `validator`.
   */
  quickValidator(name: string): ValidateFunction;
  /** Where the schema's arrays and closed objects are (schema-places.ts), for the bounded check. */
  places(name: string): PlaceTree;
}

const SUFFIX = '.schema.json';

/**
 * Ajv collects the errors of a `$ref`'d schema with `vErrors = vErrors.concat(callee.errors)`,
 * copying every error found so far at each failing reference: with `allErrors`, a document
 * whose arrays hold many failing items costs time quadratic in its errors (a 125 KB body of
 * 60 000 bad `sources` blocked the event loop for 8 s; 1 MB, for minutes). Appending in
 * place keeps it linear. The first list is copied, not shared, as Ajv itself may later
 * truncate it (`vErrors.length = n`) when another `anyOf` branch passes.
 */
const AJV_ERROR_CONCAT = /vErrors = vErrors === null \? ([\w$.]+) : vErrors\.concat\(\1\);/g;

export function appendErrorsInPlace(code: string): string {
  return code.replace(
    AJV_ERROR_CONCAT,
    (_match, source: string) => `{const e$ = ${source}; if (vErrors === null) vErrors = e$.slice(); else for (let i$ = 0; i$ < e$.length; i$++) vErrors.push(e$[i$]);}`,
  );
}

/**
 * A long `enum` (the ~250 country codes) is compiled to a loop calling fast-deep-equal on
 * every allowed value. For a string, equality is `===`, and `Array.prototype.includes` finds it
 * natively, several times faster; other values keep the loop (an object must be compared deeply).
 */
const AJV_ENUM_LOOP = /for\(const (v\d+) of (schema\d+\.enum)\)\{if\(func\d+\((\w+), \1\)\)\{(valid\d+) = true;break;\}\}/g;

export function stringEnumsNatively(code: string): string {
  return code.replace(AJV_ENUM_LOOP, (loop, _v: string, allowed: string, data: string, valid: string) => `if(typeof ${data} === "string"){${valid} = ${allowed}.includes(${data});}else{${loop}}`);
}

const processCode = (code: string) => stringEnumsNatively(appendErrorsInPlace(code));

/** Ajv options shared by every validator of the project's schemas. */
// `verbose` keeps each error's schema and value, so an error can say which allowed value or property was meant.
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true, discriminator: true, code: { process: processCode } } as const;
/** The same schemas checked for validity only: the first error ends the check, and errors carry nothing extra. */
const QUICK_OPTIONS = { ...AJV_OPTIONS, allErrors: false, verbose: false } as const;

/**
 * Loads every schema in `schemas/` into one Ajv 2020-12 instance, so schemas can
 * `$ref` each other by `$id`, and compiles each one once.
 */
export function loadSchemaRegistry(dir: string = schemasDir): SchemaRegistry {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { ...AJV_OPTIONS.code } });
  addFormats(ajv);
  const documents = new Map<string, { $id: string }>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(SUFFIX)).sort()) {
    const doc = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { $id: string };
    documents.set(file.slice(0, -SUFFIX.length), doc);
    ajv.addSchema(doc);
  }
  // Compiled on first use: most processes only ever ask whether a declaration is valid.
  let quick: Ajv2020 | undefined;
  const quickValidators = new Map<string, ValidateFunction>();
  const places = new Map<string, PlaceTree>();
  const validators = new Map<string, ValidateFunction>();
  for (const [name, doc] of documents) {
    const fn = ajv.getSchema(doc.$id);
    if (!fn) throw new Error(`schema ${name} did not compile`);
    validators.set(name, fn);
  }
  const fragments = new Map<string, ValidateFunction>();
  return {
    names: () => [...documents.keys()],
    schema: (name) => documents.get(name),
    validator(name) {
      const fn = validators.get(name);
      if (!fn) throw new Error(`unknown schema: ${name}`);
      return fn;
    },
    quickValidator(name) {
      let fn = quickValidators.get(name);
      if (!fn) {
        const doc = documents.get(name);
        if (!doc) throw new Error(`unknown schema: ${name}`);
        if (!quick) {
          quick = new Ajv2020({ ...QUICK_OPTIONS, code: { ...QUICK_OPTIONS.code } });
          addFormats(quick);
          for (const d of documents.values()) quick.addSchema(d);
        }
        fn = quick.getSchema(doc.$id);
        if (!fn) throw new Error(`schema ${name} did not compile`);
        quickValidators.set(name, fn);
      }
      return fn;
    },
    places(name) {
      let tree = places.get(name);
      if (!tree) places.set(name, (tree = schemaPlaces((n) => documents.get(n), name)));
      return tree;
    },
    fragment(name, jsonPointer) {
      const whole = jsonPointer === '' ? validators.get(name) : undefined;
      if (whole) return whole;
      const key = `${name}#${jsonPointer}`;
      let fn = fragments.get(key);
      if (!fn) {
        const doc = documents.get(name);
        fn = doc ? ajv.getSchema(`${doc.$id}#${jsonPointer}`) : undefined;
        if (!fn) throw new Error(`no schema at ${key}`);
        fragments.set(key, fn);
      }
      return fn;
    },
  };
}
