import type { CategoryId, Declaration, Jurisdiction, JurisdictionProfile, ModelParameters } from '../formats/types.generated.js';
import type { Range } from './range.js';

export type { CategoryId, Declaration, Jurisdiction, JurisdictionProfile, ModelParameters };

export type PathwayId = 'compelled-provider' | 'third-party' | 'interception-in-transit' | 'encryption-powers' | 'retention-window';
export type Grade = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export type Side = 'declaration' | 'jurisdiction';
/**
 * How much of each cell the core builds: `summary` bounds, grades and unknowns only (no pathways,
 * no cited facts, no travelling pathway: what the default answer shows); `compact` also the
 * pathways with their short readings and cited facts; `full` also the explanation texts and the
 * unknowns' notes. The bounds, grades and unknowns are the same at every level.
 */
export type ExplainLevel = 'summary' | 'compact' | 'full';

/** What makes a range wide: an unanswered question of the declaration or an unknown fact of the profile. */
export interface Unknown {
  pointer: string;
  side: Side;
  /** What is not known, in words (with `explain=full`). */
  note?: string;
}

/** What drove a pathway: RFC 6901 pointers into the declaration and into the cell's jurisdiction profile. */
export interface Facts {
  declaration: string[];
  jurisdiction: string[];
  /** Declaration pointers cited beyond the first 64 (rows of one country, say): counted, not listed. */
  omitted?: number;
}

/**
 * One way data of a category reaches a jurisdiction, with its own bounds. For the access
 * pathways the bounds are the cell's if this were its only pathway; for `retention-window`
 * they are the window as a share of the worst case (indefinite = 100), which scales the
 * stored-data part of the others.
 */
export interface PathwayResult {
  pathway: PathwayId;
  established: number;
  worstCase: number;
  /** Equals `worstCase`. */
  score: number;
  explanation: string;
  facts: Facts;
}

/** One category × jurisdiction of the exposure matrix: a range over the honest completions. */
export interface Cell {
  category: CategoryId;
  jurisdiction: Jurisdiction;
  established: number;
  worstCase: number;
  /** Equals `worstCase`: a client reading one number is never rewarded for silence. */
  score: number;
  /** Grade of `worstCase`. */
  grade: Grade;
  establishedGrade: Grade;
  unknowns: Unknown[];
  pathways: PathwayResult[];
  /**
   * Interception in transit for a user of the service who travels to the jurisdiction, where the
   * provider declares no users there (`provider.markets`): shown apart, never part of the cell's
   * bounds (so never a headline or a worst jurisdiction). Absent when there is none.
   */
  travelling?: PathwayResult;
}

export interface ExposureResult {
  modelVersion: string;
  lawDate: string;
  cells: Cell[];
}

export interface ExposureOptions {
  /** YYYY-MM-DD: the law in force on this date is applied. */
  lawDate: string;
  explain?: ExplainLevel;
}

/** A pathway before rounding: exposure bounds are fractions in [0, 1]. */
export interface RawPathway {
  exposure: Range;
  /** A short reading, always given. */
  summary: string;
  /** The full explanation, built only when asked for (`explain=full`); false otherwise. */
  explanation: string | false;
  facts: Facts;
  /** What widens it: lists shared with other pathways and cells (read first, never edited), then its own. */
  lists: readonly (readonly Unknown[])[];
  unknowns: Unknown[];
  /** True when part of the exposure scales with the retention window (stored data). */
  usesWindow: boolean;
}

/** Every pathway is built by this one function, so cells read them all alike (one object shape). */
export function rawPathway(exposure: Range, usesWindow: boolean, summary: string, explanation: string | false, facts: Facts, lists: readonly (readonly Unknown[])[], unknowns: Unknown[]): RawPathway {
  return { exposure, usesWindow, summary, explanation, facts, lists, unknowns };
}

export const NO_LISTS: readonly (readonly Unknown[])[] = Object.freeze([]);

export const NO_PATHWAY: RawPathway = rawPathway({ lo: 0, hi: 0 }, false, '', false, { declaration: [], jurisdiction: [] }, NO_LISTS, Object.freeze([]) as unknown as Unknown[]);
