import type { Protection } from '../formats/types.generated.js';

/**
 * How well data is protected, as a rank per field: end-to-end (the provider cannot read
 * it) > transport / provider-managed > none = undisclosed (an unanswered question counts
 * as the worst case).
 */
export const PROTECTION_RANK: { [F in keyof Protection]-?: Record<NonNullable<Protection[F]>, number> } = {
  inTransit: { 'end-to-end': 2, transport: 1, none: 0, undisclosed: 0 },
  atRest: { 'end-to-end': 2, 'provider-managed': 1, none: 0, undisclosed: 0 },
};

/** Negative when `a` protects less than `b`, positive when more, 0 when equal. A missing value is undisclosed. */
export function compareProtection<F extends keyof Protection>(field: F, a: Protection[F], b: Protection[F]): number {
  const rank = PROTECTION_RANK[field] as Record<string, number>;
  return Math.sign((rank[a ?? 'undisclosed'] ?? 0) - (rank[b ?? 'undisclosed'] ?? 0));
}
