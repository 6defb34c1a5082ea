import { sameLegalSpace, type ProfileIndex } from './profile-index.js';
import type { ScoringContext } from './scoring-context.js';

/** Whether the provider is present in a jurisdiction for one category, and why. */
export interface Presence {
  present: boolean;
  reasons: string[];
  pointers: string[];
}

type Places = string[] | 'undisclosed' | undefined;

/** Answers that are missing or "undisclosed" count as present everywhere: silence is not safety. */
function check(places: Places, what: string, at: string, items: string[], code: string, index: ProfileIndex, out: Presence): void {
  if (places === undefined || places === 'undisclosed') {
    out.present = true;
    out.reasons.push(`${what} not disclosed, so assumed to include ${code}`);
    out.pointers.push(at);
    return;
  }
  const k = places.findIndex((p) => sameLegalSpace(p, code, index));
  if (k >= 0) {
    const hit = places[k];
    out.present = true;
    out.reasons.push(hit === code ? `${what} in ${code}` : `${what} in ${hit}, which is under the law of ${code}`);
    out.pointers.push(items[k]);
  }
}

/**
 * The provider's own connection to jurisdiction `code` for the category at `index`:
 * headquarters, an establishment, or storage of that category there. Extraterritorial
 * instruments can reach a provider that is not present; that is decided per instrument.
 */
export function providerPresence(ctx: ScoringContext, index: number, code: string): Presence {
  const { decl, profiles } = ctx;
  const out: Presence = { present: false, reasons: [], pointers: [] };
  const hq = decl.provider.headquarters;
  if (hq === undefined || hq === 'undisclosed') check(hq, 'headquarters', '/provider/headquarters', [], code, profiles, out);
  else if (sameLegalSpace(hq, code, profiles)) {
    out.present = true;
    out.reasons.push(hq === code ? `headquarters in ${code}` : `headquarters in ${hq}, which is under the law of ${code}`);
    out.pointers.push('/provider/headquarters');
  }
  check(decl.provider.establishments, 'establishments', '/provider/establishments', ctx.establishments, code, profiles, out);
  check(decl.dataCategories[index].storageLocations, 'storage', ctx.pointers[index].storageLocations, ctx.storage[index], code, profiles, out);
  return out;
}
