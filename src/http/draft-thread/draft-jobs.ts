import type { ValidationIssue } from '../../formats/validation-error.js';
import type { Analysis } from '../../service/analysis.js';
import type { ExplainLevel, ExposureResult } from '../../scoring/index.js';
import type { Rendered, ScoreQuery } from './draft-answers.js';

/** A stored version a draft is compared with, as its stored text (the thread parses it). */
export interface StoredText {
  version: number;
  hash: string;
  body: string;
}

/** Work sent to a draft thread: the raw body text, and what was read for it on the event loop. */
export type DraftJob =
  | { kind: 'score'; body: string; previous?: string; query: ScoreQuery }
  | { kind: 'validate'; body: string; previous?: string; today: string }
  | { kind: 'preview'; body: string; providerId: string; latest?: StoredText; lawDate: string; today: string }
  | { kind: 'observed'; body: string; query: ScoreQuery }
  | { kind: 'tilt'; body: string; providerId?: string; today: string };

/** A keyed submission to check and analyse (against the stored text of the version it builds on) before it is stored. */
export interface PrepareJob {
  kind: 'prepare';
  body: string;
  providerId: string;
  previous?: string;
}

/** The exposure matrix of a stored version, sent as its stored text (the exposure reader's work for a large version). */
export interface MatrixJob {
  kind: 'matrix';
  body: string;
  lawDate: string;
  explain: ExplainLevel;
}

/** The provider page's five question-by-question sections of a stored version, sent as its stored text. */
export interface SectionsJob {
  kind: 'sections';
  body: string;
  version: number;
}

/** A thread's answer: the bytes (moved, not copied), an invalid document (the 422), or a failure of the thread's code. */
export type DraftReply =
  | { id: number; ok: true; rendered: Rendered }
  | { id: number; ok: true; analysis: Analysis }
  | { id: number; ok: true; matrix: ExposureResult; size: number }
  | { id: number; ok: true; html: string }
  | { id: number; ok: false; invalid: { errors: ValidationIssue[]; detail: string } }
  | { id: number; ok: false; failure: string };
