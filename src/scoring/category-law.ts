import type { Tri } from '../law/in-force.js';
import { indexed } from './facts.js';
import { kindsAtLeast, MANDATE_KIND_ORDER, mandateDuration, routeBounds } from '../law/partial-knowledge.js';
import { instrumentWeight, isAccessInstrument, type Instrument } from './instrument-weight.js';
import { and, reachesCategory, type LawView } from './law-view.js';
import { exact, span, type Range } from './range.js';
import { curveFactor } from './retention-curve.js';
import type { JurisdictionProfile, ModelParameters, Unknown } from './types.js';
import { unknown } from './unknowns.js';

type Mandate = JurisdictionProfile['retentionMandates'][number];
type Interception = JurisdictionProfile['interceptionMandates'][number];
type Agreement = NonNullable<JurisdictionProfile['agreements']>[number];

/** An access instrument as it bears on one category under the law of one date. */
export interface AccessFact {
  at: string;
  inst: Instrument;
  /** In force on the law date and reaching the category (yes, or not known). */
  applies: Tri;
  weight: Range;
  stored: boolean;
  live: boolean;
  /** The unknown legal facts of the instrument itself (static: shared by every provider). */
  unknowns: Unknown[];
  /** `[unknowns]`, the candidate's lists when nothing else widens it. */
  unknownLists: readonly (readonly Unknown[])[];
  /** How far its own extraterritorial reach carries it to a provider that is not present. */
  extra: Range;
}

export interface MandateFact {
  at: string;
  m: Mandate;
  applies: Tri;
  duration: Range;
  /** The period it sets for this category ("P6M"), or "unknown". */
  period: string;
  unknown: Unknown;
}

export interface PreservationFact {
  at: string;
  inst: Instrument;
  applies: Tri;
  period: Range;
  unknown: Unknown;
}

export interface InterceptionFact {
  at: string;
  m: Interception;
  applies: Tri;
  kind: Range;
  unknown: Unknown;
}

export interface AgreementFact {
  at: string;
  a: Agreement;
  applies: Tri;
  unknown: Unknown;
}

export interface EncryptionFact {
  at: string;
  inst: Instrument;
  applies: Tri;
  unknown: Unknown;
}

/**
 * Everything of a profile, on a law date, that bears on one category and does not depend on
 * the declaration: which facts apply, their weights and their unknowns. Computed once per
 * profile, date and category and shared by every declaration scored against them.
 */
export interface CategoryLaw {
  access: AccessFact[];
  mandates: MandateFact[];
  preservation: PreservationFact[];
  interception: InterceptionFact[];
  agreements: AgreementFact[];
  encryption: EncryptionFact[];
  /** Coverage gaps by kind of power that may reach the category. */
  gaps: Map<string, Unknown[]>;
  /** The gaps the cells read, each as a list (empty when none), and each gap as a list of its own (an unrecorded power's unknowns). */
  gapsOf: Record<GapPower, readonly Unknown[]>;
  gapLists: ReadonlyMap<Unknown, readonly Unknown[]>;
  /** Worked out from the above when first asked for, by the pathways that read them (law data only). */
  derived: Partial<Record<string, unknown>>;
}

/** The kinds of power whose coverage gaps the cells read. */
export type GapPower = 'stored-access' | 'live-interception' | 'cross-border' | 'encryption' | 'retention';
const GAP_POWERS: readonly GapPower[] = ['stored-access', 'live-interception', 'cross-border', 'encryption', 'retention'];
const NO_GAPS: readonly Unknown[] = Object.freeze([]);

const cache = new WeakMap<ModelParameters, WeakMap<LawView, Map<string, CategoryLaw>>>();
const weights = new WeakMap<ModelParameters, WeakMap<Instrument, Range>>();

const j = (pointer: string, note: string): Unknown => unknown('jurisdiction', pointer, note);

function weightOf(inst: Instrument, params: ModelParameters): Range {
  let byInst = weights.get(params);
  if (byInst === undefined) weights.set(params, (byInst = new WeakMap()));
  let w = byInst.get(inst);
  if (w === undefined) byInst.set(inst, (w = instrumentWeight(inst, params)));
  return w;
}

function build(view: LawView, category: string, params: ModelParameters): CategoryLaw {
  const p = view.profile;
  const out: CategoryLaw = { access: [], mandates: [], preservation: [], interception: [], agreements: [], encryption: [], gaps: new Map(), gapsOf: {} as CategoryLaw['gapsOf'], gapLists: new Map(), derived: {} };
  const unknownDuration = span(params.retention.points[0].factor, params.retention.indefinite.value);
  p.instruments.forEach((inst, i) => {
    const at = indexed('/instruments', i);
    const reach = reachesCategory(inst.categories, category);
    const applies = and(view.instruments[i], reach);
    if (applies === 'no') return;
    if (isAccessInstrument(inst)) {
      const unknowns: Unknown[] = [];
      if (view.instruments[i] === 'unknown') unknowns.push(j(`${at}/inForce`, 'whether it was in force on the law date is not known'));
      if (reach === 'unknown') unknowns.push(j(`${at}/categories`, inst.categories === 'unknown' ? 'which categories it reaches is not known' : 'whether it reaches this category (beyond those it reaches at least) is not known'));
      if (inst.kind === 'unknown') unknowns.push(j(`${at}/kind`, 'kind of process not known'));
      else if (typeof inst.kind === 'object' && inst.kind.atLeast !== 'direct-access') unknowns.push(j(`${at}/kind`, `kind of process known only as at least ${inst.kind.atLeast}`));
      const routes = routeBounds(inst.authorisation);
      if (routes.lo !== routes.hi) unknowns.push(j(`${at}/authorisation`, 'which authorisation route is used is not fully known'));
      if (inst.gagOrder === 'unknown') unknowns.push(j(`${at}/gagOrder`, 'gag not known'));
      if (inst.extraterritorial === 'unknown') unknowns.push(j(`${at}/extraterritorial`, 'extraterritorial reach not known'));
      Object.freeze(unknowns);
      const ext = params.instrumentModifiers.extraterritorialReach.value;
      const extra = inst.extraterritorial === true ? exact(ext) : inst.extraterritorial === 'unknown' ? span(0, ext) : exact(0);
      out.access.push({ at, inst, applies, weight: weightOf(inst, params), stored: inst.reaches !== 'live', live: inst.reaches !== 'stored', unknowns, unknownLists: Object.freeze([unknowns]), extra });
    }
    if (inst.preserves !== undefined)
      out.preservation.push({ at, inst, applies, period: inst.preserves === 'unknown' ? unknownDuration : exact(curveFactor(inst.preserves, params)), unknown: j(at, 'whether and how long this power preserves data here is not fully known') });
    const weakens: Tri = inst.weakensEncryption === true ? 'yes' : inst.weakensEncryption === 'unknown' ? 'unknown' : 'no';
    const enc = and(applies, weakens);
    if (enc !== 'no') out.encryption.push({ at, inst, applies: enc, unknown: j(at, 'whether this power over encryption applies here on the law date is not fully known') });
  });
  p.retentionMandates.forEach((m, i) => {
    const applies = and(view.retentionMandates[i], reachesCategory(m.categories, category));
    if (applies === 'no') return;
    const at = indexed('/retentionMandates', i);
    const period = mandateDuration(m, category);
    out.mandates.push({ at, m, applies, duration: period === 'unknown' ? unknownDuration : exact(curveFactor(period, params)), period, unknown: j(at, 'whether and how long this mandate binds here on the law date is not fully known') });
  });
  const kinds = params.transit.mandateKinds;
  const known = MANDATE_KIND_ORDER.map((k) => kinds[k].value);
  const atLeast = (k: (typeof MANDATE_KIND_ORDER)[number]) => span(kinds[k].value, Math.max(...kindsAtLeast(MANDATE_KIND_ORDER, k).map((x) => kinds[x].value)));
  p.interceptionMandates.forEach((m, i) => {
    const applies = and(view.interceptionMandates[i], reachesCategory(m.categories, category));
    if (applies === 'no') return;
    const at = indexed('/interceptionMandates', i);
    out.interception.push({ at, m, applies, kind: m.kind === 'unknown' ? span(Math.min(...known), Math.max(...known)) : typeof m.kind === 'object' ? atLeast(m.kind.atLeast) : exact(kinds[m.kind].value), unknown: j(at, 'kind or application of this mandate not fully known') });
  });
  (p.agreements ?? []).forEach((a, i) => {
    const applies = and(view.agreements[i], reachesCategory(a.categories, category));
    if (applies === 'no') return;
    const at = indexed('/agreements', i);
    out.agreements.push({ at, a, applies, unknown: j(at, 'whether the agreement reaches the provider on the law date is not fully known') });
  });
  p.coverage.gaps.forEach((g, i) => {
    if (reachesCategory(g.categories, category) === 'no') return;
    for (const power of g.powers) {
      const list = out.gaps.get(power) ?? [];
      list.push(j(indexed('/coverage/gaps', i), `the profile does not cover ${power} powers here`));
      out.gaps.set(power, list);
    }
  });
  for (const power of GAP_POWERS) out.gapsOf[power] = out.gaps.get(power) ?? NO_GAPS;
  for (const list of out.gaps.values()) for (const u of list) (out.gapLists as Map<Unknown, readonly Unknown[]>).set(u, Object.freeze([u]));
  return out;
}

/** The category laws of one profile and date, by category (for the cells of one jurisdiction: see `lawOf`). */
export function categoryLaws(view: LawView, params: ModelParameters): Map<string, CategoryLaw> {
  let byView = cache.get(params);
  if (byView === undefined) cache.set(params, (byView = new WeakMap()));
  let byCategory = byView.get(view);
  if (byCategory === undefined) byView.set(view, (byCategory = new Map()));
  return byCategory;
}

export function lawOf(view: LawView, laws: Map<string, CategoryLaw>, category: string, params: ModelParameters): CategoryLaw {
  let law = laws.get(category);
  if (law === undefined) laws.set(category, (law = build(view, category, params)));
  return law;
}
