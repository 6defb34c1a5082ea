import type { Tri } from '../law/in-force.js';
import type { CategoryEntry } from './category-entries.js';
import type { LawView } from './law-view.js';
import type { Presence, ScoringContext } from './scoring-context.js';
import type { Unknown } from './types.js';
import { unknown } from './unknowns.js';

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

/** Whether a union named as a place puts data under the law of one of its members: law data only, one object per view, date and place (the note names the date; a view serves every date of its epoch). */
const membership = new WeakMap<LawView, Map<string, Unknown>>();

function memberUnknown(view: LawView, place: string, lawDate: string): Unknown {
  let byPlace = membership.get(view);
  if (byPlace === undefined) membership.set(view, (byPlace = new Map()));
  const key = `${lawDate}\u0000${place}`;
  let u = byPlace.get(key);
  if (u === undefined) {
    if (byPlace.size > 4096) byPlace.clear();
    byPlace.set(key, (u = unknown('jurisdiction', '/memberStates', `whether ${place} places data under the law of ${view.profile.code} on ${lawDate} is not known`)));
  }
  return u;
}

type Places = readonly string[] | 'undisclosed' | undefined;

function check(places: Places, what: string, at: string, items: readonly string[], view: LawView, ctx: ScoringContext, out: Presence): void {
  const code = view.profile.code;
  if (places === undefined || places === 'undisclosed') {
    if (out.tri !== 'yes') out.unknowns.push(ctx.undisclosedPlaces(at, what, code));
    out.tri = better(out.tri, 'unknown');
    out.pointers.push(at);
    return;
  }
  for (let k = 0; k < places.length; k++) {
    const place = places[k];
    const tri = placeUnder(place, view, ctx);
    if (tri === 'no') continue;
    out.tri = better(out.tri, tri);
    if (tri === 'unknown') out.unknowns.push(memberUnknown(view, place, ctx.lawDate));
    out.pointers.push(items[k] ?? at);
  }
}

const HQ = ['/provider/headquarters'];
const NO_UNKNOWNS: Unknown[] = Object.freeze([]) as unknown as Unknown[];

/** Presence in a jurisdiction by headquarters and establishments only (before any category's storage). */
export function ownPresence(ctx: ScoringContext, view: LawView): Presence {
  const out: Presence = { tri: 'no', pointers: [], unknowns: [] };
  check(ctx.headquarters, 'headquarters', '/provider/headquarters', HQ, view, ctx, out);
  check(ctx.decl.provider.establishments, 'establishments', '/provider/establishments', ctx.establishments, view, ctx, out);
  return out;
}

/**
 * The provider's own connection to a jurisdiction for one category: headquarters, an
 * establishment, or storage of that category there. Unanswered places make presence unknown
 * (the range then covers both). Extraterritorial instruments and agreements can reach a
 * provider that is not present; that is decided per instrument.
 */
export function providerPresence(ctx: ScoringContext, ce: CategoryEntry, view: LawView): Presence {
  // Headquarters and establishments are the same for every category: read once per jurisdiction.
  const own = ctx.ownPresence(view);
  const out: Presence = { tri: own.tri, pointers: own.pointers, unknowns: own.unknowns };
  if (ce.entry.collected !== 'no') {
    // The storage's own part, then joined to the shared lists (copied only when it adds to them).
    const storage: Presence = { tri: own.tri, pointers: [], unknowns: [] };
    check(ce.entry.storageLocations, 'storage', ce.at.storageLocations, ce.at.storage, view, ctx, storage);
    out.tri = storage.tri;
    if (storage.pointers.length > 0) out.pointers = own.pointers.concat(storage.pointers);
    if (storage.unknowns.length > 0) out.unknowns = own.unknowns.concat(storage.unknowns);
  }
  // Once presence is known, the unknowns that could only have made it possible no longer widen anything.
  if (out.tri === 'yes' || out.unknowns.length === 0) out.unknowns = NO_UNKNOWNS;
  return out;
}
