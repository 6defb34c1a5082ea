import type { Declaration } from '../formats/types.generated.js';

/** At most this many columns in a wide table's default selection: they fit a 1280-pixel screen. */
export const DEFAULT_COLUMNS = 12;

interface Bounded {
  jurisdiction: string;
  established: number;
  worstCase: number;
}

/** The places a declaration names: headquarters, establishments, where data is stored, partners' seats, the law it answers to. */
function namedPlaces(d: Declaration): string[] {
  const p = d.provider;
  const out: (string | undefined)[] = [p.headquarters, ...(Array.isArray(p.establishments) ? p.establishments : [])];
  for (const c of d.dataCategories ?? []) if (Array.isArray(c.storageLocations)) out.push(...c.storageLocations);
  for (const t of d.thirdParties ?? []) out.push(t.jurisdiction);
  for (const s of d.legalProcess?.interceptionStatutes ?? []) out.push(s.jurisdiction);
  for (const l of d.legalProcess?.policies ?? []) out.push(l.jurisdiction);
  return out.filter((x): x is string => typeof x === 'string');
}

/**
 * The columns a wide table (a provider's heatmap, a comparison) shows when none are
 * chosen: the jurisdictions the declarations name (where a provider sits, stores data,
 * has partners or answers to the law), then the most exposed columns over all their cells
 * (established counted twice, worst case once), up to `max`, in the profiles' order. Keeps the columns that matter on one screen and the page small
 * however many profiles there are; every other column is one link away.
 */
export function defaultJurisdictions(declarations: readonly Declaration[], cells: readonly Bounded[], profiles: readonly string[], max = DEFAULT_COLUMNS): string[] {
  const known = new Set(profiles);
  const chosen = new Set<string>();
  for (const d of declarations) for (const code of namedPlaces(d)) if (known.has(code) && chosen.size < max) chosen.add(code);
  // Then the columns most exposed over all their cells: what is established counts twice, what is only possible once.
  const weight = new Map<string, number>();
  for (const c of cells) weight.set(c.jurisdiction, (weight.get(c.jurisdiction) ?? 0) + 2 * c.established + c.worstCase);
  const order = new Map(profiles.map((p, i) => [p, i]));
  const ranked = [...weight.keys()].filter((j) => known.has(j)).sort((a, b) => weight.get(b)! - weight.get(a)! || order.get(a)! - order.get(b)!);
  for (const j of ranked) {
    if (chosen.size >= max) break;
    chosen.add(j);
  }
  return profiles.filter((p) => chosen.has(p));
}
