import { inForceOn, todayUtc, type DatedFact } from '../law/in-force.js';
import type { CategoryId, JurisdictionProfile, ModelParameters } from './types.js';

type Instrument = JurisdictionProfile['instruments'][number];
/** Rules in force today are scored; so are rules of unknown status (silence is not safety). */
export function inForce(fact: DatedFact): boolean {
  return inForceOn(fact.inForce, todayUtc()) !== 'no';
}

/** A rule with unknown categories is taken to reach every category. */
export function reachesCategory(categories: CategoryId[] | 'unknown', category: CategoryId): boolean {
  return categories === 'unknown' || categories.includes(category);
}

/**
 * How weak an instrument's safeguard is, in [0, 1]: the weight of its kind, plus a step when no
 * judge authorises it and a step when it gags the provider (unknown counts as the worse answer).
 */
export function instrumentWeight(instrument: Instrument, params: ModelParameters): number {
  const m = params.instrumentModifiers;
  const w =
    (instrument.kind === 'unknown' || instrument.kind === 'preservation' ? params.instrumentKinds['direct-access'].value : params.instrumentKinds[instrument.kind].value) +
    (instrument.judicialReview === true ? 0 : m.noJudicialReview.value) +
    (instrument.gagOrder === false ? 0 : m.gagOrder.value);
  return Math.min(1, w);
}

export function describeInstrument(instrument: Instrument): string {
  const review = instrument.judicialReview === true ? 'a judge authorises it' : instrument.judicialReview === false ? 'no judge authorises it' : 'judicial review unknown';
  const gag = instrument.gagOrder === true ? 'the user is not told' : instrument.gagOrder === false ? 'no gag' : 'gag unknown';
  return `${instrument.name} (${instrument.kind}; ${review}; ${gag})`;
}
