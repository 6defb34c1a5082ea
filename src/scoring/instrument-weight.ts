import { inForceOn, todayUtc, type DatedFact, type Tri } from '../law/in-force.js';
import { ACCESS_KIND_ORDER, kindsAtLeast, kindWords, routeBounds, type RouteBounds } from '../law/partial-knowledge.js';
import { exact, min1, plus, span, type Range } from './range.js';
import type { JurisdictionProfile, ModelParameters } from './types.js';

export type Instrument = JurisdictionProfile['instruments'][number];
type AccessKind = keyof ModelParameters['instrumentKinds'];

/** Kinds that compel a capability or the keeping of data, not the handing over of data. */
const NOT_ACCESS = new Set<string>(['technical-assistance', 'preservation']);

export function isAccessInstrument(instrument: Instrument): boolean {
  return typeof instrument.kind === 'object' || !NOT_ACCESS.has(instrument.kind);
}

/** In force today (for callers outside the model that have no law date, such as findings about today). */
export function inForce(fact: DatedFact, date: string = todayUtc()): boolean {
  return inForceOn(fact.inForce, date) !== 'no';
}

const stepOf = (answer: boolean | 'unknown', worseWhen: boolean, step: number): Range =>
  answer === 'unknown' ? span(0, step) : answer === worseWhen ? exact(step) : exact(0);

/** The weight of an instrument's kind: exact; at least an access kind (that kind up to the weakest safeguard at or above it); or not known at all (no access power up to the weakest safeguard). */
export function kindWeight(kind: Instrument['kind'], params: ModelParameters): Range {
  const kinds = params.instrumentKinds;
  if (typeof kind === 'object') return span(kinds[kind.atLeast].value, Math.max(...kindsAtLeast(ACCESS_KIND_ORDER, kind.atLeast).map((k) => kinds[k].value)));
  if (kind === 'unknown') return span(0, Math.max(...Object.values(kinds).map((k) => k.value)));
  return exact(kinds[kind as AccessKind]?.value ?? 0);
}

/** The step of an instrument's authorisation routes: the most exposing known route on both bounds, an unknown route up to `none`. */
export function authorisationStep(routes: RouteBounds, params: ModelParameters): Range {
  const steps = params.instrumentModifiers.authorisation;
  return span(steps[routes.lo].value, steps[routes.hi].value);
}

/**
 * How weak an instrument's safeguard is, as a range in [0, 1]: the weight of its kind, plus the
 * step of its most exposing authorisation route, plus a step when it gags the provider. What is
 * known in part (a kind at least this one, routes of which one is not read) counts with its known
 * part on the lower bound and its most exposing possibility on the upper bound.
 */
export function instrumentWeight(instrument: Instrument, params: ModelParameters): Range {
  const m = params.instrumentModifiers;
  return min1(plus(plus(kindWeight(instrument.kind, params), authorisationStep(routeBounds(instrument.authorisation), params)), stepOf(instrument.gagOrder, true, m.gagOrder.value)));
}

export function weakensEncryption(instrument: Instrument): Tri {
  const w = instrument.weakensEncryption;
  return w === true ? 'yes' : w === 'unknown' ? 'unknown' : 'no';
}

const ROUTE_WORDS: Record<string, string> = {
  'court-before': 'a judge authorises it before use',
  'court-after': 'a judge confirms it after use',
  commission: 'an independent commission authorises it',
  prosecutor: 'a prosecutor authorises it',
  executive: 'the executive authorises it',
  none: 'no one authorises each use',
  'not-court': 'no judge authorises it',
  unknown: 'authorisation not known',
};

export function describeInstrument(instrument: Instrument): string {
  const review = instrument.authorisation.map((r) => ROUTE_WORDS[r]).join(' or ');
  const gag = instrument.gagOrder === true ? 'the user is not told' : instrument.gagOrder === false ? 'no gag' : 'gag not known';
  return `${instrument.name} (${kindWords(instrument.kind)}; ${review}; ${gag})`;
}
