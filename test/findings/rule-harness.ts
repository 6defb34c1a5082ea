import { diffDeclarations } from '../../src/diff/diff-declarations.js';
import { contentCategoryIds } from '../../src/findings/content-categories.js';
import { loadModelParameters } from '../../src/policies/load-model-parameters.js';

const CONTENT = contentCategoryIds(loadModelParameters());
import type { Finding, Rule } from '../../src/findings/rule.js';
import { runRules } from '../../src/findings/run-rules.js';
import type { Declaration, JurisdictionProfile } from '../../src/formats/types.generated.js';

export interface RuleCase {
  name: string;
  document: Record<string, any>;
  previous?: Record<string, any>;
  jurisdictions?: JurisdictionProfile[];
  /** The taxonomy, for rules that read it (unlisted categories). */
  taxonomy?: string[];
  /** Expected findings, reduced to what the case is about. */
  expected: Partial<Finding>[];
}

/** Runs one rule the way the service does (through the runner) and returns its findings. */
export function runRule(rule: Rule, c: RuleCase): Finding[] {
  const declaration = c.document as Declaration;
  const changes = c.previous ? diffDeclarations(c.previous as Declaration, declaration) : [];
  return runRules([rule], { declaration, changes, jurisdictions: c.jurisdictions ?? [], contentCategories: CONTENT, taxonomy: c.taxonomy });
}

/** A profile with one retention mandate, for the retention rule (shape of jurisdiction.schema.json). */
export function profileWithMandate(code: string, mandate: Partial<JurisdictionProfile['retentionMandates'][number]>, extra: Partial<JurisdictionProfile> = {}): JurisdictionProfile {
  const source: JurisdictionProfile['instruments'][number]['sources'] = [{ url: 'https://example.org/law', title: 'The law', kind: 'official', verified: false }];
  return {
    code,
    name: `Land ${code}`,
    reviewed: '2024-01-01',
    instruments: [],
    localisation: [],
    interceptionMandates: [],
    coverage: { gaps: [] },
    retentionMandates: [
      { id: 'the-mandate', name: 'Data Retention Act', categories: ['connection-logs'], duration: 'P6M', inForce: { from: '2020-01-01' }, scope: 'all-providers', sources: source, ...mandate },
    ],
    ...extra,
  } as JurisdictionProfile;
}
