/**
 * Near misses a person makes in a declaration, and what they meant: codes that are not
 * ISO 3166-1 but are widely used for a country (the UK's own domain, the EU's code for
 * Greece), then any case difference, then one or two slipped letters.
 */
const CODE_ALIASES: Record<string, string> = { UK: 'GB', EL: 'GR' };

/** Edit distance (insertions, deletions, substitutions), stopping early past `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/** The one allowed value `given` most likely meant, or undefined when none is close or several are equally close. */
export function didYouMean(given: unknown, allowed: readonly unknown[]): string | undefined {
  if (typeof given !== 'string' || given === '') return undefined;
  const options = allowed.filter((v): v is string => typeof v === 'string');
  const alias = CODE_ALIASES[given.toUpperCase()];
  if (alias && options.includes(alias)) return alias;
  const folded = options.filter((o) => o.toLowerCase() === given.toLowerCase());
  if (folded.length === 1) return folded[0];
  // Short words (country codes) are all within two edits of each other: only longer ones get a guess.
  if (given.length < 4) return undefined;
  const limit = given.length < 8 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const option of options) {
    const d = distance(given.toLowerCase(), option.toLowerCase(), limit);
    if (d < bestDistance) [best, bestDistance, tie] = [option, d, false];
    else if (d === bestDistance) tie = true;
  }
  return best !== undefined && !tie ? best : undefined;
}
