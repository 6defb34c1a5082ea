/**
 * Which jurisdiction profiles a benchmark scores against. Issue 24 set its score target at the
 * 45 profiles shipped then; the fourth round of law data added these 26 (docs/jurisdictions.md),
 * so "45" is every shipped profile but these, and "all" the profile count of the day.
 */
export const FOURTH_ROUND_CODES: readonly string[] = ['AR', 'BD', 'BE', 'CD', 'CI', 'CL', 'CM', 'DZ', 'EC', 'EE', 'GH', 'IQ', 'KH', 'LK', 'MA', 'MY', 'NP', 'PE', 'RO', 'SD', 'TW', 'TZ', 'UA', 'UG', 'UZ', 'VE'];

/** The profiles of a set: `all`, or `45` (those shipped before the fourth round of law data). */
export function profileSet<P extends { code: string }>(profiles: readonly P[], set: string): P[] {
  if (set === 'all') return [...profiles];
  if (set === '45') return profiles.filter((p) => !FOURTH_ROUND_CODES.includes(p.code));
  throw new Error(`unknown profile set "${set}" (all or 45)`);
}
