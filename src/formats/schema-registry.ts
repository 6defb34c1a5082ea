import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { schemasDir } from '../paths.js';

const addFormats = formats.default;

export interface SchemaRegistry {
  /** Short names (`declaration`, `common`, …) of every schema in schemas/. */
  names(): string[];
  /** The schema document as shipped, or undefined. */
  schema(name: string): object | undefined;
  /** A compiled validator, compiled once at start-up. */
  validator(name: string): ValidateFunction;
}

const SUFFIX = '.schema.json';

/**
 * Loads every schema in `schemas/` into one Ajv 2020-12 instance, so schemas can
 * `$ref` each other by `$id`, and compiles each one once.
 */
export function loadSchemaRegistry(dir: string = schemasDir): SchemaRegistry {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, discriminator: true });
  addFormats(ajv);
  const documents = new Map<string, { $id: string }>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(SUFFIX)).sort()) {
    const doc = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { $id: string };
    documents.set(file.slice(0, -SUFFIX.length), doc);
    ajv.addSchema(doc);
  }
  const validators = new Map<string, ValidateFunction>();
  for (const [name, doc] of documents) {
    const fn = ajv.getSchema(doc.$id);
    if (!fn) throw new Error(`schema ${name} did not compile`);
    validators.set(name, fn);
  }
  return {
    names: () => [...documents.keys()],
    schema: (name) => documents.get(name),
    validator(name) {
      const fn = validators.get(name);
      if (!fn) throw new Error(`unknown schema: ${name}`);
      return fn;
    },
  };
}
