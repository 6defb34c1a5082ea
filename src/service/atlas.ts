import type { SchemaRegistry } from '../formats/schema-registry.js';
import type { Declaration } from '../formats/types.generated.js';
import { checkDeclaration, type DeclarationCheck } from '../formats/validate-declaration.js';
import { InvalidDocumentError } from '../formats/validation-error.js';
import { VersionConflictError, type Store, type VersionMeta, type VersionRecord } from '../store/store.js';
import { DamagedVersionError } from '../store/damaged-version.js';
import { SerialQueue } from '../store/serial-queue.js';
import { contentHash } from '../store/version-record.js';
import type { AnalysisCache } from './analysis-cache.js';
import { byteBoundedCache, heapSize } from './byte-bounded-cache.js';

export type { Analyzer, LatestVersion, LatestEntry, StartJob, StartResult, StartAnalyzer, AtlasOptions, Summarizer, SummaryCodec, LatestListener, BaseVersion, NextDocument, Prepared, WrittenVersion } from './atlas-shapes.js';
import type { Analyzer, LatestVersion, LatestEntry, StartAnalyzer, AtlasOptions, Summarizer, SummaryCodec, LatestListener, BaseVersion, NextDocument, Prepared, WrittenVersion } from './atlas-shapes.js';

/** Analyses to make before a starting read model hands them to the StartAnalyzer (a thread's start costs more than a few analyses). */
const THREADED_FROM = 32;
/** Providers a starting read model reads at a time: one query (or one batch of files) for their summaries. */
const START_PAGE = 1000;
/** Providers without a remembered summary read at a time: their bodies and remembered analyses are alive together. */
const ANALYSE_PAGE = 200;

/** How many times a write is rebuilt on a newer base before it is answered with a conflict. */
const MAX_ATTEMPTS = 8;

/**
 * The application core around the store: validates and appends submissions, and keeps
 * an in-memory read model of every provider's latest version: its metadata and a compact
 * summary (what lists and rankings read), so they never recompute or wait on the store.
 * Declarations and full analyses (latest and older) are loaded on demand into caches
 * bounded by their estimated heap, so memory grows with the providers, not with their
 * documents or histories.
 */
export class Atlas<A, S = unknown> {
  private readonly entries = new Map<string, LatestEntry<S>>();
  /** Provider ids in order, sorted once when first asked for; a provider added later is inserted in a copy (callers may hold the array they were given). */
  private sortedIds: string[] | undefined;
  /** Grows with every change of the read model, so derived views (rankings) know when they are stale. */
  revision = 0;
  private readonly writes = new SerialQueue();
  /** Parsed declarations (latest and older versions), bounded by their estimated heap. */
  private readonly declarations = byteBoundedCache<Declaration>('declarations', 24 * 1024 * 1024, heapSize);
  /** Full analyses (latest and older versions), sized by their estimated heap, not their JSON. */
  private readonly analyses = byteBoundedCache<object>('analyses', 16 * 1024 * 1024, heapSize);
  /** Whether the analysis threads of a start remember what they make themselves. */
  private threadsRemember = false;
  /** Typed without S, so an Atlas of some summary still passes where any Atlas is accepted. */
  private readonly listeners: LatestListener<unknown>[] = [];

  private constructor(
    readonly store: Store,
    readonly registry: SchemaRegistry,
    private readonly analyze: Analyzer<A>,
    private readonly cache?: AnalysisCache<A>,
    private readonly summarize: Summarizer<never, S> = () => undefined as S,
    private readonly codec?: SummaryCodec<S>,
    /** Whether a remembered analysis still holds (made under today's law); one that does not is updated by `analyze`. (A method, so an Atlas of any analysis passes where any Atlas is accepted.) */
    private readonly currency: { isCurrent(analysis: A): boolean } = { isCurrent: () => true },
  ) {}

  /**
   * Builds the read model from every provider's latest version. With a codec and a cache that
   * remembers summaries, a provider whose summary is remembered costs reading that summary
   * (a few kilobytes, a page of providers per query or batch of files): neither its body nor
   * its analysis is read. The others are read and analysed (or their analysis read) as before,
   * and their summaries remembered for the next start.
   */
  static async open<A, S = undefined>(
    store: Store,
    registry: SchemaRegistry,
    analyze: Analyzer<A>,
    cache?: AnalysisCache<A>,
    summarize?: Summarizer<A, S>,
    codec?: SummaryCodec<S>,
    options: AtlasOptions<A> = {},
  ): Promise<Atlas<A, S>> {
    const atlas = new Atlas<A, S>(store, registry, analyze, cache, summarize, codec, options.isCurrent && { isCurrent: options.isCurrent });
    const latest = await latestVersionsOf(store);
    atlas.threadsRemember = options.threadsRemember === true;
    for (let start = 0; start < latest.length; start += START_PAGE) await atlas.load(latest.slice(start, start + START_PAGE), options.startAnalyzer);
    return atlas;
  }

  /** Calls `listener` with every entry that becomes a provider's latest from now on. */
  onLatest(listener: LatestListener<S>): void {
    this.listeners.push(listener as LatestListener<unknown>);
  }

  /**
   * Makes each of `versions` its provider's latest: from its remembered summary, else from its
   * analysis (remembered, or made now: by `startAnalyzer` when given and there are enough to make).
   */
  private async load(versions: VersionMeta[], startAnalyzer?: StartAnalyzer): Promise<void> {
    const remembered = this.codec && this.cache?.getSummaries ? await this.cache.getSummaries(versions) : undefined;
    const missing: VersionMeta[] = [];
    for (const meta of versions) {
      const stored = remembered?.get(meta.providerId);
      const summary = stored === undefined ? undefined : this.codec!.decode(stored);
      if (summary === undefined) missing.push(meta);
      else this.setLatest(meta, summary);
    }
    const threaded = startAnalyzer !== undefined && missing.length >= THREADED_FROM && this.codec !== undefined && (!this.cache || this.threadsRemember || (this.cache.getTexts && this.cache.setText));
    if (threaded) {
      // The next batch's versions are read while the threads analyse this one: they never wait for the reading.
      let next: Promise<VersionRecord[]> | undefined = this.recordsOf(missing.slice(0, ANALYSE_PAGE));
      for (let start = 0; next !== undefined; start += ANALYSE_PAGE) {
        const records = await next;
        next = start + ANALYSE_PAGE < missing.length ? this.recordsOf(missing.slice(start + ANALYSE_PAGE, start + 2 * ANALYSE_PAGE)) : undefined;
        next?.catch(() => undefined); // awaited at the next turn of the loop
        await this.loadOnThreads(records, startAnalyzer);
      }
      return;
    }
    for (let start = 0; start < missing.length; start += ANALYSE_PAGE) {
      const batch = missing.slice(start, start + ANALYSE_PAGE);
      const records = await this.recordsOf(batch);
      const known = this.cache?.getMany ? await this.cache.getMany(batch) : this.cache ? await this.rememberedOf(batch) : undefined;
      // What is remembered is written while the next providers are read (a batch of writes in flight at most).
      const writes: Promise<unknown>[] = [];
      for (const record of records) {
        // A damaged previous version (its findings compare with it) leaves the provider out too.
        await this.remember(record, undefined, known && { analysis: known.get(record.providerId) }, JSON.parse(record.body) as Declaration, writes).catch(skipDamaged);
      }
      await Promise.all(writes);
    }
  }

  /** The stored records of `versions` (damaged ones left out). */
  private async recordsOf(versions: VersionMeta[]): Promise<VersionRecord[]> {
    if (this.store.versionsOf) return this.store.versionsOf(versions);
    return (await Promise.all(versions.map((m) => this.store.version(m.providerId, m.version).catch(skipDamaged)))).filter((r): r is VersionRecord => r !== undefined);
  }

  /**
   * Every record of a batch sent at once to the analysis threads with the text of its remembered
   * analysis; the answers taken in order: each summary made the provider's latest, each new
   * analysis (and each summary) remembered as the text the thread wrote.
   */
  private async loadOnThreads(records: VersionRecord[], startAnalyzer: StartAnalyzer): Promise<void> {
    const cache = this.threadsRemember ? undefined : this.cache;
    const texts = cache ? await cache.getTexts!(records) : undefined;
    const jobs = records.map((record) => {
      const { body, ...meta } = record;
      const job = (async () => startAnalyzer({ meta, body, previous: record.version > 1 ? (await this.store.version(record.providerId, record.version - 1))?.body : undefined, remembered: texts?.get(record.providerId) }))();
      job.catch(() => undefined); // awaited below, in order; a failure is handled there
      return { meta, job };
    });
    const writes: Promise<unknown>[] = [];
    for (const { meta, job } of jobs) {
      // A damaged previous version (its findings compare with it) leaves the provider out too.
      const made = await job.catch(skipDamaged);
      if (made === undefined) continue;
      const encoded = JSON.parse(made.summary) as unknown;
      const summary = this.codec!.decode(encoded);
      if (summary === undefined) throw new Error(`the summary an analysis thread made of "${meta.providerId}" does not decode`);
      if (cache && !made.remembered) writes.push(cache.setText!(meta.providerId, meta.version, made.analysis, encoded));
      this.setLatest(meta, summary);
    }
    await Promise.all(writes);
  }

  /** The analyses the cache remembers for `versions` (current or not), read a few at a time. */
  private async rememberedOf(versions: VersionMeta[]): Promise<Map<string, A>> {
    const found = new Map<string, A>();
    for (let start = 0; start < versions.length; start += 32) {
      const batch = versions.slice(start, start + 32);
      const analyses = await Promise.all(batch.map((v) => this.cache!.get(v.providerId, v.version)));
      batch.forEach((v, i) => analyses[i] !== undefined && found.set(v.providerId, analyses[i]!));
    }
    return found;
  }

  check(doc: unknown, providerId?: string): DeclarationCheck {
    return checkDeclaration(this.registry, doc, { providerId });
  }

  /**
   * Stores a whole declaration as the provider's next version. Identical bytes to the latest
   * version store nothing and answer that version with `created: false`.
   */
  submit(providerId: string, doc: unknown, body: string, submittedBy?: string, prepared?: Prepared<A>): Promise<WrittenVersion> {
    return this.write(providerId, () => ({ doc, body, prepared }), submittedBy);
  }

  /**
   * The one read-merge-append: `build` makes the next document from the latest version;
   * the store appends it only if that version is still the latest (compare-and-set). When
   * another write came first, `build` runs again on the newer version, up to MAX_ATTEMPTS
   * times, then a VersionConflictError says so (HTTP 409). Validation and analysis happen
   * before the append, so nothing invalid or unanalysable is ever acknowledged.
   */
  write(providerId: string, build: (base: BaseVersion | undefined) => NextDocument | undefined, submittedBy?: string): Promise<WrittenVersion> {
    // Writes of this process take turns per provider, so they build on each other instead of
    // colliding; the compare-and-set still guards against writers in other processes.
    return this.writes.run(providerId, () => this.writeOnce(providerId, build, submittedBy));
  }

  private async writeOnce(providerId: string, build: (base: BaseVersion | undefined) => NextDocument | undefined, submittedBy?: string): Promise<WrittenVersion> {
    const entry = this.entries.get(providerId);
    let base: BaseVersion | undefined = entry && { meta: entry.meta, declaration: (await this.declarationAt(providerId, entry.meta.version))! };
    for (let attempt = 1; ; attempt++) {
      const next = build(base);
      if (next === undefined || (base && base.meta.hash === contentHash(next.body))) {
        if (!base) throw new Error(`nothing to write for "${providerId}" and no version to answer with`);
        return { ...base.meta, created: false };
      }
      // Checked and analysed on a draft thread against this very base: the check's declaration is the document itself.
      const prepared = next.prepared?.baseVersion === (base?.meta.version ?? 0) ? (next.prepared as Prepared<A>) : undefined;
      const result: DeclarationCheck = prepared ? { valid: true, declaration: next.doc as Declaration, warnings: [] } : this.check(next.doc, providerId);
      if (!result.valid) throw new InvalidDocumentError(result.errors);
      const analysis = prepared ? prepared.analysis : this.analyze(result.declaration, base?.declaration);
      try {
        const record = await this.store.append(providerId, { body: next.body, submittedBy, expectedVersion: base?.meta.version ?? 0 });
        this.declarations.set(`${providerId}@${record.version}`, result.declaration);
        await this.remember(record, analysis);
        const { body: _body, ...meta } = record;
        return { ...meta, created: true };
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= MAX_ATTEMPTS) throw error;
        base = await this.baseAt(providerId, error.actual);
      }
    }
  }

  /** The version `version` as a base to build on, read from the store (the read model may lag behind). */
  private async baseAt(providerId: string, version: number): Promise<BaseVersion | undefined> {
    if (version === 0) return undefined;
    const record = await this.store.version(providerId, version);
    if (!record) throw new Error(`store reported version ${version} of "${providerId}" but does not have it`);
    const { body: _body, ...meta } = record;
    return { meta, declaration: (await this.declarationAt(providerId, version))! };
  }

  providerIds(): string[] {
    this.sortedIds ??= [...this.entries.keys()].sort();
    return this.sortedIds;
  }

  /** The read model's entry of a provider's latest version (compact: no full analysis). */
  latestOf(providerId: string): LatestEntry<S> | undefined {
    return this.entries.get(providerId);
  }

  /** Every provider's latest entry, sorted by id. */
  allLatest(): LatestEntry<S>[] {
    return this.providerIds().map((id) => this.entries.get(id)!);
  }

  /** A provider's latest version with its declaration and full analysis, loaded from the caches or the store. */
  async latest(providerId: string): Promise<(LatestVersion<A> & LatestEntry<S>) | undefined> {
    const entry = this.entries.get(providerId);
    if (!entry) return undefined;
    const [declaration, analysis] = await Promise.all([this.declarationAt(providerId, entry.meta.version), this.analysisAt(providerId, entry.meta.version)]);
    return { ...entry, declaration: declaration!, analysis: analysis! };
  }

  /** Every provider's latest declaration, in id order, read a batch at a time (for views across all providers). */
  async latestDeclarations(): Promise<{ providerId: string; declaration: Declaration }[]> {
    const all = this.allLatest();
    const out: { providerId: string; declaration: Declaration }[] = [];
    for (let start = 0; start < all.length; start += 64) {
      const batch = all.slice(start, start + 64);
      const declarations = await Promise.all(batch.map((l) => this.declarationAt(l.meta.providerId, l.meta.version)));
      batch.forEach((l, i) => declarations[i] && out.push({ providerId: l.meta.providerId, declaration: declarations[i] }));
    }
    return out;
  }

  /** The parsed declaration of a provider's latest version, from the cache or the store. */
  async latestDeclaration(providerId: string): Promise<Declaration | undefined> {
    const entry = this.entries.get(providerId);
    return entry && this.declarationAt(providerId, entry.meta.version);
  }

  history(providerId: string): Promise<VersionMeta[]> {
    return this.store.history(providerId);
  }

  record(providerId: string, version: number): Promise<VersionRecord | undefined> {
    return this.store.version(providerId, version);
  }

  async declarationAt(providerId: string, version: number): Promise<Declaration | undefined> {
    const key = `${providerId}@${version}`;
    const cached = this.declarations.get(key);
    if (cached) return cached;
    const record = await this.store.version(providerId, version);
    const declaration = record && (JSON.parse(record.body) as Declaration);
    if (declaration) this.declarations.set(key, declaration);
    return declaration;
  }

  async analysisAt(providerId: string, version: number): Promise<A | undefined> {
    const key = `${providerId}@${version}`;
    const cached = this.analyses.get(key) as A | undefined;
    if (cached) return cached;
    // The latest version's analysis is remembered by the analysis cache (made under today's law, or updated if not).
    let stale: A | undefined;
    if (this.entries.get(providerId)?.meta.version === version) {
      const remembered = await this.cache?.get(providerId, version);
      if (remembered !== undefined && this.currency.isCurrent(remembered)) {
        this.analyses.set(key, remembered as object);
        return remembered;
      }
      stale = remembered;
    }
    const declaration = await this.declarationAt(providerId, version);
    if (!declaration) return undefined;
    const previous = version > 1 ? await this.declarationAt(providerId, version - 1) : undefined;
    const analysis = this.analyze(declaration, previous, stale);
    this.analyses.set(key, analysis as object);
    return analysis;
  }

  /**
   * Re-reads a provider's latest version from the store when it is newer than the read
   * model's: how a replica learns of writes made by another replica (the change feed). The
   * writer's summary is read when it is already remembered; otherwise the version is analysed.
   */
  async refresh(providerId: string): Promise<void> {
    const history = await this.store.history(providerId);
    const last = history[history.length - 1];
    if (last && last.version > (this.entries.get(providerId)?.meta.version ?? 0)) await this.load([last]);
  }

  /** Refreshes every provider: after the change feed was interrupted and may have missed writes. */
  async refreshAll(): Promise<void> {
    // Every provider's latest version (one query on PostgreSQL); only the providers that moved are read further.
    const moved = (await latestVersionsOf(this.store)).filter((meta) => meta.version > (this.entries.get(meta.providerId)?.meta.version ?? 0));
    for (let start = 0; start < moved.length; start += START_PAGE) await this.load(moved.slice(start, start + START_PAGE));
  }

  /**
   * Makes `meta` the provider's latest version. A starting read model passes the declaration it
   * parsed, which is not cached: thousands of them passing through the cache would be promoted
   * to the old generation and grow the heap long after they are gone.
   */
  private async remember(meta: VersionMeta, fresh?: A, lookedUp?: { analysis: A | undefined }, parsed?: Declaration, writes?: Promise<unknown>[]): Promise<void> {
    const declaration = parsed ?? (await this.declarationAt(meta.providerId, meta.version))!;
    const { body: _body, ...plainMeta } = meta as VersionRecord;
    let analysis: A | undefined = fresh ?? lookedUp?.analysis;
    if (analysis === undefined && !lookedUp) analysis = (await this.cache?.get(meta.providerId, meta.version)) as A | undefined;
    // Remembered under other law: updated where that law changed.
    const stale = analysis !== undefined && fresh === undefined && !this.currency.isCurrent(analysis) ? analysis : undefined;
    if (stale !== undefined) analysis = undefined;
    // Made now, so remembered with its summary.
    const computed = analysis === undefined;
    if (analysis === undefined) {
      const previous = meta.version > 1 ? await this.declarationAt(meta.providerId, meta.version - 1) : undefined;
      analysis = this.analyze(declaration, previous, stale);
    }
    const summary = this.summarize(plainMeta, declaration, analysis as never);
    const stored = this.codec && this.codec.encode(summary);
    // The summary is remembered with its analysis, or beside an analysis remembered without one;
    // awaited here unless the caller collects the writes (`writes`) to await them later.
    let write: Promise<unknown> | undefined;
    if (fresh !== undefined || computed) write = this.cache?.set(meta.providerId, meta.version, analysis, stored);
    else if (stored !== undefined) write = this.cache?.setSummary?.(meta.providerId, meta.version, stored);
    if (writes && write) writes.push(write);
    else await write;
    // A fresh write's analysis is likely read next; a starting read model's are not kept (they are remembered by the cache).
    if (fresh !== undefined && (this.entries.get(meta.providerId)?.meta.version ?? 0) <= meta.version) this.analyses.set(`${meta.providerId}@${meta.version}`, analysis as object);
    this.setLatest(plainMeta, summary);
  }

  /** Makes `meta` its provider's latest entry, unless the read model already has a newer one. */
  private setLatest(meta: VersionMeta, summary: S): void {
    // Concurrent submissions may finish out of order: never replace a newer latest with an older one.
    if ((this.entries.get(meta.providerId)?.meta.version ?? 0) > meta.version) return;
    if (!this.entries.has(meta.providerId) && this.sortedIds) this.sortedIds = withInserted(this.sortedIds, meta.providerId);
    this.revision++;
    const entry = { meta, summary };
    this.entries.set(meta.providerId, entry);
    for (const listener of this.listeners) listener(entry);
  }
}

/** A copy of the sorted `ids` with `id` in its place (found by bisection; no sort of every id). */
function withInserted(ids: readonly string[], id: string): string[] {
  let [low, high] = [0, ids.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ids[mid] < id) low = mid + 1;
    else high = mid;
  }
  return [...ids.slice(0, low), id, ...ids.slice(low)];
}

/**
 * A damaged latest version (reported where it was read) leaves its provider out of the read
 * model, as `versionsOf` leaves it out, instead of stopping the start: its pages are never built
 * from bytes that are not the ones recorded; `retention-atlas verify` names it.
 */
function skipDamaged(error: unknown): undefined {
  if (error instanceof DamagedVersionError) return undefined;
  throw error;
}

/** Every provider's latest version (metadata only), in id order: one query when the store offers it. */
async function latestVersionsOf(store: Store): Promise<VersionMeta[]> {
  if (store.latestVersions) return store.latestVersions();
  const latest: VersionMeta[] = [];
  for (const id of await store.providerIds()) {
    const history = await store.history(id);
    if (history.length > 0) latest.push(history[history.length - 1]);
  }
  return latest;
}
