import path from 'node:path';
import { issuesFromAjv } from '../formats/ajv-issues.js';
import { loadSchemaRegistry, type SchemaRegistry } from '../formats/schema-registry.js';
import type { ModelParameters } from '../formats/types.generated.js';
import { policiesDir } from '../paths.js';
import { modelParameterIssues } from './model-parameter-rules.js';
import { PolicyFileError } from './policy-file-error.js';
import { readJsonFile } from './read-json-file.js';

export const modelParametersFile = path.join(policiesDir, 'model', 'parameters.json');

/** Reads and validates the model parameters; throws a PolicyFileError naming the file when invalid. */
export function loadModelParameters(registry: SchemaRegistry = loadSchemaRegistry(), file: string = modelParametersFile): ModelParameters {
  const doc = readJsonFile(file);
  const validate = registry.validator('model-parameters');
  if (!validate(doc)) throw new PolicyFileError(file, issuesFromAjv(validate.errors));
  const params = doc as ModelParameters;
  const issues = modelParameterIssues(params);
  if (issues.length > 0) throw new PolicyFileError(file, issues);
  return params;
}
