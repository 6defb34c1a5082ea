import { contentCategoryIds } from '../findings/content-categories.js';
import { findingsOf } from '../findings/find-issues.js';
import type { Finding } from '../findings/rule.js';
import type { Declaration } from '../formats/types.generated.js';
import type { ValidationIssue } from '../formats/validation-error.js';
import type { PolicyData } from './analysis.js';
import { findingsWithEvidence } from './evidence-findings.js';

export interface DraftFindings {
  findings: Finding[];
  /** Unanswered questions that keep exposure ranges wide, as warnings naming the place and what answering settles. */
  warnings: ValidationIssue[];
}

/**
 * What publishing a draft would show, before it is published: the findings of the stored
 * version it would become (against the provider's latest version, when there is one, with the
 * findings judged when read), and a warning for every unanswered question. One function for
 * `POST /v1/validate`, `POST /v1/score` and the CLI.
 */
export function draftFindings(declaration: Declaration, previous: Declaration | undefined, policy: PolicyData, today: string): DraftFindings {
  const stored = findingsOf(declaration, previous, policy.jurisdictions, contentCategoryIds(policy.params), policy.params.categories.map((c) => c.category), policy.params);
  const findings = findingsWithEvidence(stored, declaration, [], today);
  const warnings = findings
    .filter((f) => f.rule === 'unanswered-question')
    .map((f) => ({ pointer: f.pointers[0] ?? '', keyword: 'unanswered', message: f.message }));
  return { findings, warnings };
}
