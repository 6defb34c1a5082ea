import { repairMojibake } from './decode-text.js';
import { foldName, type ImportTables } from './import-tables.js';

export type CountryResult = { ok: true; code: string } | { ok: false; reason: string };

/**
 * The requesting jurisdiction of a row: its territory code when the format accepts it,
 * else its name looked up in the table (exports rename countries: Turkey/Türkiye).
 * A requester with no territory (the United Nations) cannot be placed and is refused.
 */
export function resolveCountry(code: string, name: string, tables: ImportTables): CountryResult {
  const upper = code.trim().toUpperCase();
  if (upper && tables.jurisdictions.has(upper)) return { ok: true, code: upper };
  // A file once read with the wrong encoding spells "Côte d'Ivoire" as "CÃ´te d'Ivoire".
  const folded = foldName(repairMojibake(name));
  if (tables.noTerritory.has(folded))
    return { ok: false, reason: `requester "${name.trim()}" has no territory: figures are recorded per jurisdiction` };
  const byName = tables.countryNames.get(folded);
  if (byName) return { ok: true, code: byName };
  if (upper) return { ok: false, reason: `territory code "${code.trim()}" is not an ISO 3166-1 alpha-2 code the format accepts, and the name "${name.trim()}" is not known` };
  if (!folded) return { ok: false, reason: 'neither a territory code nor a country name is given' };
  return { ok: false, reason: `no territory code, and the country name "${name.trim()}" is not known` };
}
