import { readdirSync } from 'node:fs';
import path from 'node:path';
import { issuesFromAjv } from '../formats/ajv-issues.js';
import { loadSchemaRegistry, type SchemaRegistry } from '../formats/schema-registry.js';
import type { JurisdictionProfile } from '../formats/types.generated.js';
import { policiesDir } from '../paths.js';
import { jurisdictionIssues } from './jurisdiction-rules.js';
import { PolicyFileError } from './policy-file-error.js';
import { readJsonFile } from './read-json-file.js';

export const jurisdictionsDir = path.join(policiesDir, 'jurisdictions');

/**
 * Reads every `<CODE>.json` profile, validates it against jurisdiction.schema.json and the
 * rules the schema cannot express, and returns them sorted by code. Throws a PolicyFileError
 * naming the first invalid file.
 */
export function loadJurisdictions(registry: SchemaRegistry = loadSchemaRegistry(), dir: string = jurisdictionsDir): JurisdictionProfile[] {
  const validate = registry.validator('jurisdiction');
  const profiles: JurisdictionProfile[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    const doc = readJsonFile(file);
    if (!validate(doc)) throw new PolicyFileError(file, issuesFromAjv(validate.errors));
    const profile = doc as JurisdictionProfile;
    const issues = jurisdictionIssues(profile, name.slice(0, -'.json'.length));
    if (issues.length > 0) throw new PolicyFileError(file, issues);
    profiles.push(profile);
  }
  return profiles.sort((a, b) => (a.code < b.code ? -1 : 1));
}
