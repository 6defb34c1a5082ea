import type { Declaration } from '../formats/types.generated.js';
import type { VersionMeta } from '../store/store.js';

// The shapes the read model (atlas.ts) works with: what it keeps, what its analyzers,
// analysis threads and writers hand it, and what it answers.

/**
 * Whatever is derived from one version (scores, findings…), computed once and cached. Given
 * `stale` (its analysis made under other law data or another law date), an analyzer may keep
 * what that change did not touch; the result must be the one it would make without.
 */
export type Analyzer<A> = (declaration: Declaration, previous: Declaration | undefined, stale?: unknown) => A;

/** A provider's latest version in full: loaded on demand (`Atlas.latest`), not held for every provider. */
export interface LatestVersion<A> {
  meta: VersionMeta;
  declaration: Declaration;
  analysis: A;
}

/** What the read model holds of a provider's latest version: its metadata and a compact summary (no declaration, no full analysis). */
export interface LatestEntry<S> {
  meta: VersionMeta;
  summary: S;
}

/**
 * What a starting read model hands to an analysis thread for a provider it has no remembered
 * summary of: the stored text of its latest version (and of the previous one, for the
 * findings), and the text of the analysis remembered for it when there is one (current or not).
 */
export interface StartJob {
  meta: VersionMeta;
  body: string;
  previous?: string;
  remembered?: string;
}

/**
 * What the thread answers: the analysis as JSON text when it made one (in full, or updated
 * where the law changed; undefined when the remembered one still holds) and the summary of
 * the analysis, encoded by the read model's codec.
 */
export interface StartResult {
  analysis?: string;
  /** The summary as the codec encodes it, in JSON text. */
  summary: string;
  /** The thread remembered the analysis and summary itself (a cache it opened as well): nothing left to write. */
  remembered?: boolean;
}

/**
 * Analyses, summarises and serialises off the event loop what a starting read model must
 * analyse: the event loop only reads and writes text, so every core works on the analyses.
 */
export type StartAnalyzer = (job: StartJob) => Promise<StartResult>;

export interface AtlasOptions<A> {
  /** Analyses a starting read model's providers off the event loop (analysis threads); used with a codec, and a cache that reads and writes analyses as text (or none). */
  startAnalyzer?: StartAnalyzer;
  /** The analysis threads read and write the remembered analyses and summaries themselves (they opened the same file cache): the event loop only reads the versions. */
  threadsRemember?: boolean;
  /** Whether a remembered analysis still holds; one that does not is handed to the analyzer as stale. */
  isCurrent?: (analysis: A) => boolean;
}

/** Makes the compact summary the read model keeps from a version's analysis. */
export type Summarizer<A, S> = (meta: VersionMeta, declaration: Declaration, analysis: A) => S;

/** How a summary is remembered beside its analysis: a JSON value and back (undefined when it does not decode). */
export interface SummaryCodec<S> {
  encode(summary: S): unknown;
  decode(value: unknown): S | undefined;
}

/** Told of every entry that becomes a provider's latest (at start, on writes, on another replica's writes). */
export type LatestListener<S> = (entry: LatestEntry<S>) => void;

/** The version a writer builds on: the provider's latest (undefined when it has none). */
export interface BaseVersion {
  meta: VersionMeta;
  declaration: Declaration;
}

/** What a writer wants stored on top of a base, or undefined when it has nothing new. */
export interface NextDocument {
  doc: unknown;
  /** The exact bytes to store. */
  body: string;
  /** The document already checked (valid) and analysed elsewhere (a draft thread), on top of the version `baseVersion` (0: none). */
  prepared?: Prepared<unknown>;
}

/** A submission checked and analysed off the event loop: used when the base is still the version it was analysed against. */
export interface Prepared<A> {
  baseVersion: number;
  analysis: A;
}

/** The outcome of a write: the version now latest, and whether this write created it. */
export type WrittenVersion = VersionMeta & { created: boolean };
