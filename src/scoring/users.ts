import type { Tri } from '../law/in-force.js';
import { or, type LawView } from './law-view.js';
import { placeUnder } from './legal-reach.js';
import type { ScoringContext, Users } from './scoring-context.js';
import type { Unknown } from './types.js';
import { unknown } from './unknowns.js';

const AT = '/provider/markets';
const WORLD = '001';
const NO_UNKNOWNS: Unknown[] = Object.freeze([]) as unknown as Unknown[];

/**
 * Interception in transit concerns users who are in J. A present `markets` list is a complete
 * answer: a market under J's law (the same code, a member state of the union J, the world) means
 * users there; a union named as a market may or may not include J; no market under J means none.
 * Left out or "undisclosed", it is not known.
 */
export function usersIn(ctx: ScoringContext, view: LawView): Users {
  const markets = ctx.decl.provider.markets;
  const code = view.profile.code;
  if (markets === undefined || markets === 'undisclosed') return { tri: 'unknown', pointers: [AT], unknowns: [ctx.unanswered(AT, 'where the service has users is not said: it may have users here')] };
  let tri: Tri = 'no';
  const pointers: string[] = [];
  const unknowns: Unknown[] = [];
  for (let k = 0; k < markets.length; k++) {
    const place = markets[k];
    const here: Tri = place === WORLD ? 'yes' : placeUnder(place, view, ctx);
    if (here === 'no') continue;
    // A union named as a market may or may not include this member state (or its membership on the date is not known).
    if (here === 'unknown') unknowns.push(unknown('declaration', `${AT}/${k}`, `users in ${place} may or may not be in ${code}`));
    if (tri !== 'yes') pointers.push(`${AT}/${k}`);
    tri = or(tri, here);
  }
  return { tri, pointers: pointers.length > 0 ? pointers : [AT], unknowns: tri === 'unknown' ? unknowns : NO_UNKNOWNS };
}
