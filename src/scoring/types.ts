import type { CategoryId, Declaration, Jurisdiction, JurisdictionProfile, ModelParameters } from '../formats/types.generated.js';

export type { CategoryId, Declaration, Jurisdiction, JurisdictionProfile, ModelParameters };

export type PathwayId = 'compelled-provider' | 'third-party' | 'interception-in-transit' | 'retention-window';
export type Grade = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

/** What drove a pathway: RFC 6901 pointers into the declaration and into the cell's jurisdiction profile. */
export interface Facts {
  declaration: string[];
  jurisdiction: string[];
}

/**
 * One way data of a category reaches a jurisdiction. For the three access pathways `score` is
 * the cell's score if this were its only pathway; for `retention-window` it is the window as a
 * share of the worst case (indefinite = 100), which scales the stored-data part of the others.
 */
export interface PathwayResult {
  pathway: PathwayId;
  score: number;
  explanation: string;
  facts: Facts;
}

/** One category × jurisdiction of the exposure matrix. */
export interface Cell {
  category: CategoryId;
  jurisdiction: Jurisdiction;
  score: number;
  grade: Grade;
  pathways: PathwayResult[];
}

export interface ExposureResult {
  modelVersion: string;
  cells: Cell[];
}

/** A pathway before rounding: exposure is a fraction in [0, 1]. */
export interface RawPathway {
  exposure: number;
  explanation: string;
  facts: Facts;
  /** True when part of the exposure scales with the retention window (stored data). */
  usesWindow?: boolean;
}

export const NO_PATHWAY: RawPathway = { exposure: 0, explanation: '', facts: { declaration: [], jurisdiction: [] } };
