import type { Rule } from '../rule.js';
import { contradictedByEvidence } from './contradicted-by-evidence.js';
import { infeasibleAnswer } from './infeasible-answer.js';
import { observationsConflict } from './observations-conflict.js';
import { protectionWeakened } from './protection-weakened.js';
import { requestsAnsweredBeyondDeclaration } from './requests-answered-beyond-declaration.js';
import { retentionBelowMandate } from './retention-below-mandate.js';
import { retentionLengthened } from './retention-lengthened.js';
import { surveillancePartyReadsContent } from './surveillance-party-reads-content.js';
import { unansweredQuestion } from './unanswered-question.js';

/** The ruleset: every rule the service runs on each version. */
export const RULES: Rule[] = [
  retentionBelowMandate,
  requestsAnsweredBeyondDeclaration,
  infeasibleAnswer,
  surveillancePartyReadsContent,
  unansweredQuestion,
  retentionLengthened,
  protectionWeakened,
  // Runs only where observations are passed in (the findings of a provider read with its evidence).
  contradictedByEvidence,
  observationsConflict,
];
