import type { Response } from 'express';
import type { Rendered } from './draft-answers.js';
import type { DraftPool } from './draft-pool.js';

/** Where the draft endpoints answer large bodies: the pool, and the size (bytes) from which a body goes there. */
export interface DraftThreads {
  pool: DraftPool;
  minBytes: number;
}

/** Whether a body is answered on a draft thread (its UTF-8 size reaches the threshold). */
export const onDraftThread = (threads: DraftThreads, rawBody: string | undefined): rawBody is string => rawBody !== undefined && Buffer.byteLength(rawBody, 'utf8') >= threads.minBytes;

/** The answer's bytes as a Buffer over the same memory (no copy). */
export const bytesOf = (rendered: Rendered): Buffer => Buffer.from(rendered.bytes.buffer, rendered.bytes.byteOffset, rendered.bytes.byteLength);

/**
 * Sends a rendered answer with the headers `res.json` or `sendTable` give the same answer
 * (`Vary: Accept` where the endpoint also answers CSV), so an answer made on a thread and one
 * made on the event loop are the same on the wire.
 */
export function sendRendered(res: Response, rendered: Rendered, options: { varyAccept?: boolean; status?: number } = {}): void {
  if (options.varyAccept) res.vary('Accept');
  if (options.status !== undefined) res.status(options.status);
  if (rendered.kind === 'csv') {
    res.attachment(`${rendered.filename}.csv`);
    res.type('text/csv; charset=utf-8; header=present');
  } else res.type('application/json; charset=utf-8');
  res.send(bytesOf(rendered));
}
