import type { Tri } from '../law/in-force.js';
import { categoryEntries, type CategoryEntry } from './category-entries.js';
import { declaredWindow, type DeclaredWindow } from './declared-retention.js';
import { PointerIndex } from './facts.js';
import { lawView, type LawView } from './law-view.js';
import { exact, span, type Range } from './range.js';
import type { Declaration, JurisdictionProfile, ModelParameters, Unknown } from './types.js';

type Policy = NonNullable<NonNullable<Declaration['legalProcess']>['policies']>[number];

/** A multiplier the provider's own answers put on a pathway, as a range, with what it cites. */
export interface Posture {
  multiplier: Range;
  pointers: string[];
  /** Where answers are missing or "undisclosed" (set only when they widen the multiplier). */
  unanswered?: string[];
}

/**
 * What a matrix computation reads from the declaration again and again, worked out once per
 * call of `computeExposure` (never kept across calls: callers may edit a declaration between
 * two calls). Only the cost changes, never the result.
 */
export interface ScoringContext {
  decl: Declaration;
  params: ModelParameters;
  lawDate: string;
  /** Whether full explanations are built (`explain=full`); compact ones otherwise. */
  full: boolean;
  /** Profiles sorted by code, as the law stood on the law date. */
  views: LawView[];
  /** Unions (profiles with members) by code. */
  unions: Map<string, LawView>;
  entries: CategoryEntry[];
  /** Whether mandates scoped to telecom operators, or to infrastructure providers, bind the provider. */
  telecom: Tri;
  infrastructure: Tri;
  live: Posture;
  encryptionDemands: Posture;
  declared: DeclaredWindow[];
  /** Policies by the jurisdiction they name, with their index, in document order; undefined when the list is absent. */
  policies: Map<string, { policy: Policy; at: number }[]> | undefined;
  establishments: string[];
  declarationPointers: PointerIndex;
  /** One object per unanswered question of the declaration, so cells deduplicate unknowns by identity. */
  unanswered(pointer: string, note: string): Unknown;
}

/** Whether the declared services include one of `words`: no services named may be any of them. */
function offers(decl: Declaration, words: readonly string[]): Tri {
  const services = decl.provider.services;
  if (services === undefined) return 'unknown';
  const set = new Set(words);
  if (services.some((s) => set.has(s.toLowerCase()))) return 'yes';
  return services.some((s) => s === 'undisclosed') ? 'unknown' : 'no';
}

function liveCapability(decl: Declaration, params: ModelParameters): Posture {
  const answer = decl.legalProcess?.liveInterception;
  const notSupported = params.providerPosture.liveInterceptionNotSupported.value;
  const at = '/legalProcess/liveInterception';
  if (answer === 'not-supported') return { multiplier: exact(notSupported), pointers: [at] };
  if (answer === 'supported') return { multiplier: exact(1), pointers: [at] };
  return { multiplier: span(notSupported, 1), pointers: [at], unanswered: [at] };
}

function encryptionDemands(decl: Declaration, params: ModelParameters): Posture {
  const d = params.encryptionPowers.demands;
  const answer = decl.legalProcess?.encryptionDemands;
  const at = '/legalProcess/encryptionDemands';
  if (answer === 'refuse-or-withdraw' || answer === 'comply') return { multiplier: exact(d[answer].value), pointers: [at] };
  return { multiplier: span(d['refuse-or-withdraw'].value, d.comply.value), pointers: [at], unanswered: [at] };
}

export function scoringContext(decl: Declaration, profiles: readonly JurisdictionProfile[], params: ModelParameters, lawDate: string, full = false): ScoringContext {
  const listed = decl.legalProcess?.policies;
  let policies: ScoringContext['policies'];
  if (listed !== undefined) {
    policies = new Map();
    listed.forEach((policy, at) => {
      const list = policies!.get(policy.jurisdiction) ?? [];
      list.push({ policy, at });
      policies!.set(policy.jurisdiction, list);
    });
  }
  const sorted = [...profiles].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const views = sorted.map((p) => lawView(p, lawDate));
  const entries = categoryEntries(decl, params.categories);
  return {
    decl,
    params,
    lawDate,
    full,
    views,
    unions: new Map(views.filter((v) => v.profile.memberStates !== undefined).map((v) => [v.profile.code as string, v])),
    entries,
    telecom: offers(decl, params.retention.telecomServices.words),
    infrastructure: offers(decl, params.retention.infrastructureServices.words),
    live: liveCapability(decl, params),
    encryptionDemands: encryptionDemands(decl, params),
    declared: entries.map((e) => declaredWindow(e.entry.retention, params)),
    policies,
    establishments: Array.isArray(decl.provider.establishments) ? decl.provider.establishments.map((_, k) => `/provider/establishments/${k}`) : [],
    declarationPointers: new PointerIndex(decl),
    unanswered: internUnknowns(),
  };
}

/** Unknown objects of the declaration side, one per pointer, for the life of one computation. */
function internUnknowns(): (pointer: string, note: string) => Unknown {
  const known = new Map<string, Unknown>();
  return (pointer, note) => {
    let u = known.get(pointer);
    if (u === undefined) known.set(pointer, (u = { pointer, side: 'declaration', note }));
    return u;
  };
}
