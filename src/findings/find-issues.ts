import { diffDeclarations } from '../diff/diff-declarations.js';
import type { Declaration, JurisdictionProfile, ModelParameters } from '../formats/types.generated.js';
import type { Finding } from './rule.js';
import { RULES } from './rules/index.js';
import { runRules } from './run-rules.js';

/** Findings of one version: contradictions, gaps, and regressions since `previous`. */
export function findingsOf(
  declaration: Declaration,
  previous: Declaration | undefined,
  jurisdictions: JurisdictionProfile[],
  contentCategories: ReadonlySet<string>,
  taxonomy?: readonly string[],
  params?: ModelParameters,
): Finding[] {
  const changes = previous ? diffDeclarations(previous, declaration) : [];
  return runRules(RULES, { declaration, changes, jurisdictions, contentCategories, taxonomy, params });
}
