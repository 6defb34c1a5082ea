import type { Tri } from '../law/in-force.js';
import type { CategoryEntry } from './category-entries.js';
import type { DeclaredWindow } from './declared-retention.js';
import type { FactsIndex } from './facts.js';
import type { LawView } from './law-view.js';
import type { Range } from './range.js';
import type { ThirdPartyFacts } from './third-party-facts.js';
import type { Declaration, ModelParameters, Unknown } from './types.js';
import type { UnknownOrder } from './unknowns.js';

/*
 * The shape of a matrix computation's shared reading of the declaration (types only). It is built
 * by `build-scoring-context.ts`; the pathways read it. Keeping the shape apart from the builder
 * keeps the imports one way: builder -> pathways -> this file (no circle).
 */

type Policy = NonNullable<NonNullable<Declaration['legalProcess']>['policies']>[number];

/** Whether the provider is present in a jurisdiction for one category, why, and what is not known. */
export interface Presence {
  tri: Tri;
  pointers: string[];
  unknowns: Unknown[];
}

/** The provider's position on a jurisdiction's interception statutes. */
export interface StatutePosition {
  factor: Range;
  pointers: string[];
  unknowns: Unknown[];
}

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
  /** What a cell carries: its bounds, grades and unknowns only (`explain=summary`: no pathways, no facts), or its pathways too. */
  cells: 'bounds' | 'pathways';
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
  /** Citations of this computation: declaration pointers resolved against `decl`. */
  facts: FactsIndex;
  /** Declared third parties as every cell reads them. */
  thirdParties: ThirdPartyFacts[];
  /** Headquarters as a list of places (or unanswered). */
  headquarters: readonly string[] | 'undisclosed' | undefined;
  /** The provider's position on a jurisdiction's interception statutes, once per jurisdiction. */
  statutes(view: LawView): StatutePosition;
  /** Presence by headquarters and establishments, once per jurisdiction (never edited: cells copy it). */
  ownPresence(view: LawView): Presence;
  /** Whether the provider has users in a jurisdiction (`provider.markets`), once per jurisdiction. */
  users(view: LawView): Users;
  /** The unknowns of a declaration without a list of policies (one list per computation). */
  undisclosedPolicyUnknowns(): readonly Unknown[];
  /** "<what> not disclosed: may include <code>", one object per pointer and jurisdiction. */
  undisclosedPlaces(at: string, what: string, code: string): Unknown;
  /** The order of this computation's unknowns, and their forms without notes (`explain=compact`). */
  unknownOrder: UnknownOrder;
  /** One object per unanswered question of the declaration, so cells deduplicate unknowns by identity. */
  unanswered(pointer: string, note: string): Unknown;
}

/** Whether the provider has users in a jurisdiction (`provider.markets`, format 1.2), and what is not known. */
export interface Users {
  tri: Tri;
  /** The declaration's answer that settles it (a market, or the list). */
  pointers: string[];
  unknowns: Unknown[];
}
