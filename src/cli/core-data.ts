import { loadSchemaRegistry, type SchemaRegistry } from '../formats/schema-registry.js';
import { loadJurisdictions } from '../policies/load-jurisdictions.js';
import { loadModelParameters } from '../policies/load-model-parameters.js';
import type { PolicyData } from '../service/analysis.js';

let registry: SchemaRegistry | undefined;
let policy: PolicyData | undefined;

/** The compiled schemas, once per process (compiling takes a few hundred milliseconds). */
export function schemaRegistry(): SchemaRegistry {
  return (registry ??= loadSchemaRegistry());
}

/** Jurisdiction profiles and model parameters, validated, once per process. */
export function policyData(): PolicyData {
  return (policy ??= { jurisdictions: loadJurisdictions(schemaRegistry()), params: loadModelParameters(schemaRegistry()) });
}
