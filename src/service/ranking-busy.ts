/**
 * A ranking under a law not computed yet could not be answered within the bounded wait (or
 * too many are being computed at once): the computation goes on, and the ranking is answered
 * from memory once made. HTTP answers 503 `…/problems/busy` with `Retry-After`.
 */
export class RankingBusyError extends Error {
  constructor(
    /** Seconds until the ranking is likely made (at least 1). */
    readonly retryAfterSeconds: number,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'RankingBusyError';
  }
}
