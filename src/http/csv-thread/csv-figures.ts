import type { GovernmentRequest } from '../../formats/types.generated.js';
import type { SkippedRow } from '../../transparency/parse-requests-csv.js';

/** The first skipped lines an answer lists: a file of 200,000 bad lines must not buy a 10 MB answer. */
export const MAX_SKIPPED_LISTED = 1000;

/** What an uploaded transparency CSV holds, read off the event loop (see csv-thread.ts). */
export interface CsvFigures {
  rows: GovernmentRequest[];
  /** The first MAX_SKIPPED_LISTED skipped lines. */
  skipped: SkippedRow[];
  skippedTotal: number;
  layout: string;
  encoding: string;
}

/** Messages to the CSV thread: an upload opens, its bytes come as they arrive, then it ends (read it) or is abandoned. */
export type CsvMessage =
  | { type: 'open'; id: number; charset?: string }
  | { type: 'chunk'; id: number; bytes: Uint8Array }
  | { type: 'end'; id: number }
  | { type: 'abort'; id: number };

/** Its answer: the figures, an ImportError's parts (a 422), or a failure of the thread itself. */
export type CsvOutcome =
  | { id: number; ok: true; figures: CsvFigures }
  | { id: number; ok: false; importError: { title: string; detail: string; extensions: Record<string, unknown> } }
  | { id: number; ok: false; failure: string };
