import type { SchemaRegistry } from '../formats/schema-registry.js';
import type { Declaration } from '../formats/types.generated.js';
import { checkDeclaration, type DeclarationCheck } from '../formats/validate-declaration.js';
import { InvalidDocumentError } from '../formats/validation-error.js';
import type { Store, VersionMeta, VersionRecord } from '../store/store.js';
import type { AnalysisCache } from './analysis-cache.js';
import { LruCache } from './lru-cache.js';

/** Whatever is derived from one version (scores, findings…), computed once and cached. */
export type Analyzer<A> = (declaration: Declaration, previous: Declaration | undefined) => A;

export interface LatestVersion<A> {
  meta: VersionMeta;
  declaration: Declaration;
  analysis: A;
}

/**
 * The application core around the store: validates and appends submissions, and keeps
 * an in-memory read model of every provider's latest version with its analysis, so
 * reads and rankings never recompute. Older versions are analysed on demand and cached.
 */
export class Atlas<A> {
  private readonly latest = new Map<string, LatestVersion<A>>();
  /** Provider ids in order, rebuilt only when a provider is added (lists and rankings read it often). */
  private sortedIds: string[] | undefined;
  /** Grows with every change of the read model, so derived views (rankings) know when they are stale. */
  revision = 0;
  private readonly declarations = new LruCache<string, Declaration>(500);
  private readonly analyses = new LruCache<string, A>(200);

  private constructor(
    readonly store: Store,
    readonly registry: SchemaRegistry,
    private readonly analyze: Analyzer<A>,
    private readonly cache?: AnalysisCache<A>,
  ) {}

  static async open<A>(store: Store, registry: SchemaRegistry, analyze: Analyzer<A>, cache?: AnalysisCache<A>): Promise<Atlas<A>> {
    const atlas = new Atlas(store, registry, analyze, cache);
    for (const id of await store.providerIds()) {
      const history = await store.history(id);
      if (history.length > 0) await atlas.remember(history[history.length - 1]);
    }
    return atlas;
  }

  check(doc: unknown, providerId?: string): DeclarationCheck {
    return checkDeclaration(this.registry, doc, { providerId });
  }

  /** Validates, then appends a new immutable version. Throws 422 and stores nothing when invalid. */
  async submit(providerId: string, doc: unknown, body: string, submittedBy?: string): Promise<VersionRecord> {
    const result = this.check(doc, providerId);
    if (!result.valid) throw new InvalidDocumentError(result.errors);
    // Analyse before storing: a declaration the model cannot analyse fails before anything is
    // acknowledged, never after it is on disk.
    const before = this.latest.get(providerId);
    const analysis = this.analyze(result.declaration, before?.declaration);
    const record = await this.store.append(providerId, { body, submittedBy });
    this.declarations.set(`${providerId}@${record.version}`, result.declaration);
    // A concurrent submission may have slipped in between: then the previous version differs.
    const sameBase = (before?.meta.version ?? 0) === record.version - 1;
    await this.remember(record, sameBase ? analysis : undefined);
    return record;
  }

  providerIds(): string[] {
    this.sortedIds ??= [...this.latest.keys()].sort();
    return this.sortedIds;
  }

  latestOf(providerId: string): LatestVersion<A> | undefined {
    return this.latest.get(providerId);
  }

  /** Every provider's latest version, sorted by id. */
  allLatest(): LatestVersion<A>[] {
    return this.providerIds().map((id) => this.latest.get(id)!);
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
    if (!record) return undefined;
    const declaration = JSON.parse(record.body) as Declaration;
    this.declarations.set(key, declaration);
    return declaration;
  }

  async analysisAt(providerId: string, version: number): Promise<A | undefined> {
    const latest = this.latest.get(providerId);
    if (latest && latest.meta.version === version) return latest.analysis;
    const key = `${providerId}@${version}`;
    const cached = this.analyses.get(key);
    if (cached) return cached;
    const declaration = await this.declarationAt(providerId, version);
    if (!declaration) return undefined;
    const previous = version > 1 ? await this.declarationAt(providerId, version - 1) : undefined;
    const analysis = this.analyze(declaration, previous);
    this.analyses.set(key, analysis);
    return analysis;
  }

  /** Makes `meta` the provider's latest version, with its analysis (from the cache when still valid). */
  private async remember(meta: VersionMeta, fresh?: A): Promise<void> {
    const declaration = (await this.declarationAt(meta.providerId, meta.version))!;
    let analysis: A | undefined = fresh;
    if (fresh !== undefined) await this.cache?.set(meta.providerId, meta.version, fresh);
    else analysis = (await this.cache?.get(meta.providerId, meta.version)) as A | undefined;
    if (analysis === undefined) {
      const previous = meta.version > 1 ? await this.declarationAt(meta.providerId, meta.version - 1) : undefined;
      analysis = this.analyze(declaration, previous);
      await this.cache?.set(meta.providerId, meta.version, analysis);
    }
    const { body: _body, ...plainMeta } = meta as VersionRecord;
    // Concurrent submissions may finish out of order: never replace a newer latest with an older one.
    if ((this.latest.get(meta.providerId)?.meta.version ?? 0) > meta.version) return;
    if (!this.latest.has(meta.providerId)) this.sortedIds = undefined;
    this.revision++;
    this.latest.set(meta.providerId, { meta: plainMeta, declaration, analysis: analysis as A });
  }
}
