import { inForceOn, todayUtc, type DatedFact, type Tri } from '../law/in-force.js';
import { exact, min1, plus, span, type Range } from './range.js';
import type { JurisdictionProfile, ModelParameters } from './types.js';

export type Instrument = JurisdictionProfile['instruments'][number];
type AccessKind = keyof ModelParameters['instrumentKinds'];

/** Kinds that compel a capability or the keeping of data, not the handing over of data. */
const NOT_ACCESS = new Set<string>(['technical-assistance', 'preservation']);

export function isAccessInstrument(instrument: Instrument): boolean {
  return !NOT_ACCESS.has(instrument.kind);
}

/** In force today (for callers outside the model that have no law date, such as findings about today). */
export function inForce(fact: DatedFact, date: string = todayUtc()): boolean {
  return inForceOn(fact.inForce, date) !== 'no';
}

const stepOf = (answer: boolean | 'unknown', worseWhen: boolean, step: number): Range =>
  answer === 'unknown' ? span(0, step) : answer === worseWhen ? exact(step) : exact(0);

/**
 * How weak an instrument's safeguard is, as a range in [0, 1]: the weight of its kind, plus a
 * step when no judge authorises it and a step when it gags the provider. An unknown answer lies
 * between the two; a kind that is not known lies between no access power at all and the weakest safeguard.
 */
export function instrumentWeight(instrument: Instrument, params: ModelParameters): Range {
  const kinds = params.instrumentKinds;
  const m = params.instrumentModifiers;
  let kind: Range;
  if (instrument.kind === 'unknown') {
    // Not known what it is: perhaps not an access power at all (0), at worst the weakest safeguard.
    kind = span(0, Math.max(...Object.values(kinds).map((k) => k.value)));
  } else kind = exact(kinds[instrument.kind as AccessKind]?.value ?? 0);
  return min1(plus(plus(kind, stepOf(instrument.judicialReview, false, m.noJudicialReview.value)), stepOf(instrument.gagOrder, true, m.gagOrder.value)));
}

export function weakensEncryption(instrument: Instrument): Tri {
  const w = instrument.weakensEncryption;
  return w === true ? 'yes' : w === 'unknown' ? 'unknown' : 'no';
}

export function describeInstrument(instrument: Instrument): string {
  const review = instrument.judicialReview === true ? 'a judge authorises it' : instrument.judicialReview === false ? 'no judge authorises it' : 'judicial review not known';
  const gag = instrument.gagOrder === true ? 'the user is not told' : instrument.gagOrder === false ? 'no gag' : 'gag not known';
  return `${instrument.name} (${instrument.kind}; ${review}; ${gag})`;
}
