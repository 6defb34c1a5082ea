import type { VersionMeta } from '../store/store.js';

/** Versions one provider may add per rolling hour and per rolling day (0: no limit). */
export interface VersionQuota {
  perHour: number;
  perDay: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A provider has added as many versions as its quota allows in a window; nothing was stored. */
export class QuotaExceededError extends Error {
  constructor(
    readonly providerId: string,
    readonly window: 'hour' | 'day',
    readonly limit: number,
    /** Seconds until the oldest version in the window leaves it. */
    readonly retryAfterSeconds: number,
  ) {
    super(`provider "${providerId}" has added ${limit} versions in the last ${window} (VERSION_QUOTA_PER_${window.toUpperCase()}); nothing was stored`);
    this.name = 'QuotaExceededError';
  }
}

/**
 * Throws QuotaExceededError when the provider's versions submitted within the last hour
 * (day) already reach the hourly (daily) quota. Counted from the stored history, so the
 * quota holds across restarts and replicas; writes in flight at the same moment may each
 * pass (by at most their number).
 */
export function checkVersionQuota(providerId: string, history: readonly VersionMeta[], quota: VersionQuota, now: Date): void {
  for (const [window, limit, span] of [['hour', quota.perHour, HOUR_MS], ['day', quota.perDay, DAY_MS]] as const) {
    if (limit <= 0) continue;
    const since = now.getTime() - span;
    // History is oldest first: walk back from the newest until the window is left.
    let inWindow = 0;
    let oldest = now.getTime();
    for (let i = history.length - 1; i >= 0; i--) {
      const at = Date.parse(history[i].submittedAt);
      if (!(at > since)) break;
      inWindow++;
      oldest = at;
      if (inWindow >= limit) break;
    }
    if (inWindow >= limit) {
      // The window frees a slot when the `limit`-th newest version leaves it.
      throw new QuotaExceededError(providerId, window, limit, Math.max(1, Math.ceil((oldest + span - now.getTime()) / 1000)));
    }
  }
}
