import { contradictedByEvidence } from '../findings/rules/contradicted-by-evidence.js';
import type { Finding, ObservedFact, Severity } from '../findings/rule.js';
import { runRules } from '../findings/run-rules.js';
import type { Declaration } from '../formats/types.generated.js';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * A version's findings with the evidence about it: the findings remembered when it was stored,
 * and the contradictions between it and the provider's active observations, which change
 * whenever an observation is recorded or withdrawn and so are found when read.
 */
export function findingsWithEvidence(stored: Finding[], declaration: Declaration, facts: ObservedFact[]): Finding[] {
  if (facts.length === 0) return stored;
  const contradictions = runRules([contradictedByEvidence], { declaration, changes: [], jurisdictions: [], contentCategories: new Set(), observations: facts });
  return [...contradictions, ...stored].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}
