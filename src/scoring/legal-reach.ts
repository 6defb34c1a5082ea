import type { Tri } from '../law/in-force.js';
import type { CategoryEntry } from './category-entries.js';
import type { LawView } from './law-view.js';
import type { ScoringContext } from './scoring-context.js';
import { Unknowns } from './unknowns.js';

/** Whether the provider is present in a jurisdiction for one category, why, and what is not known. */
export interface Presence {
  tri: Tri;
  reasons: string[];
  pointers: string[];
  unknowns: Unknowns;
}

/**
 * Whether a place the provider names falls under the law of `view`'s jurisdiction on the law
 * date: the same code; a member state of that union; or a union named as a place when `view`
 * is one of its members (the data may be in any member state, so that is not known).
 */
export function placeUnder(place: string, view: LawView, ctx: ScoringContext): Tri {
  const code = view.profile.code;
  if (place === code) return 'yes';
  const member = view.members.get(place);
  if (member !== undefined) return member.tri;
  const union = ctx.unions.get(place);
  if (union !== undefined && union.members.has(code)) return 'unknown';
  return 'no';
}

function better(a: Tri, b: Tri): Tri {
  return a === 'yes' || b === 'yes' ? 'yes' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'no';
}

type Places = readonly string[] | 'undisclosed' | undefined;

function check(places: Places, what: string, at: string, items: readonly string[], view: LawView, ctx: ScoringContext, out: Presence): void {
  const code = view.profile.code;
  if (places === undefined || places === 'undisclosed') {
    if (out.tri !== 'yes') out.unknowns.declaration(at, `${what} not disclosed: may include ${code}`);
    out.tri = better(out.tri, 'unknown');
    out.reasons.push(`${what} not disclosed, so possibly in ${code}`);
    out.pointers.push(at);
    return;
  }
  places.forEach((place, k) => {
    const tri = placeUnder(place, view, ctx);
    if (tri === 'no') return;
    out.tri = better(out.tri, tri);
    if (tri === 'unknown') out.unknowns.jurisdiction('/memberStates', `whether ${place} places data under the law of ${code} on ${ctx.lawDate} is not known`);
    out.reasons.push(place === code ? `${what} in ${code}` : `${what} in ${place}, ${tri === 'yes' ? 'under' : 'possibly under'} the law of ${code}`);
    out.pointers.push(items[k] ?? at);
  });
}

/**
 * The provider's own connection to a jurisdiction for one category: headquarters, an
 * establishment, or storage of that category there. Unanswered places make presence unknown
 * (the range then covers both). Extraterritorial instruments and agreements can reach a
 * provider that is not present; that is decided per instrument.
 */
export function providerPresence(ctx: ScoringContext, ce: CategoryEntry, view: LawView): Presence {
  const { decl } = ctx;
  const out: Presence = { tri: 'no', reasons: [], pointers: [], unknowns: new Unknowns() };
  const hq = decl.provider.headquarters;
  check(hq === undefined || hq === 'undisclosed' ? hq : [hq], 'headquarters', '/provider/headquarters', ['/provider/headquarters'], view, ctx, out);
  check(decl.provider.establishments, 'establishments', '/provider/establishments', ctx.establishments, view, ctx, out);
  if (ce.entry.collected !== 'no') check(ce.entry.storageLocations, 'storage', ce.at.storageLocations, ce.at.storage, view, ctx, out);
  // Once presence is known, the unknowns that could only have made it possible no longer widen anything.
  if (out.tri === 'yes') out.unknowns.list.length = 0;
  return out;
}
