import { contradictedByEvidence } from '../findings/rules/contradicted-by-evidence.js';
import { observationsConflict } from '../findings/rules/observations-conflict.js';
import { staleDeclaration } from '../findings/rules/stale-declaration.js';
import type { Finding, ObservedFact, Severity } from '../findings/rule.js';
import { runRules } from '../findings/run-rules.js';
import type { Declaration } from '../formats/types.generated.js';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * A version's findings with the evidence about it: the findings remembered when it was stored,
 * and the contradictions between it and the provider's active observations, which change
 * whenever an observation is recorded or withdrawn and so are found when read.
 */
export function findingsWithEvidence(stored: Finding[], declaration: Declaration, facts: ObservedFact[], today?: string): Finding[] {
  // Judged when read: contradictions with the active evidence, and whether the statements have grown stale.
  const rules = [...(facts.length > 0 ? [contradictedByEvidence] : []), ...(facts.length > 1 ? [observationsConflict] : []), ...(today !== undefined ? [staleDeclaration] : [])];
  if (rules.length === 0) return stored;
  const read = runRules(rules, { declaration, changes: [], jurisdictions: [], contentCategories: new Set(), observations: facts, today });
  if (read.length === 0) return stored;
  return [...read, ...stored].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}
