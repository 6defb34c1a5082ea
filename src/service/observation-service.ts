import { isDeepStrictEqual } from 'node:util';
import type { Caller } from '../auth/api-key.js';
import type { ObservedFact } from '../findings/rule.js';
import { issuesFromAjv } from '../formats/ajv-issues.js';
import type { SchemaRegistry } from '../formats/schema-registry.js';
import type { Declaration, Observation, ObservationResponse } from '../formats/types.generated.js';
import { InvalidDocumentError, normalizeIssues } from '../formats/validation-error.js';
import type { PlacedObservation } from '../observations/apply-observations.js';
import { checkObservation } from '../observations/check-observation.js';
import { resolvePlace, type FormatPlace } from '../observations/format-place.js';
import { activeOnly, withStatus, type ObservationRecord, type ObservationView, type ResponseRecord } from '../observations/observation-record.js';
import type { ObservationStore } from '../observations/observation-store.js';
import { undeclaredBase } from '../observations/undeclared-base.js';
import { SerialQueue } from '../store/serial-queue.js';
import type { AssessmentService } from './assessment-service.js';

/** What the service needs of the declarations: whether a provider has one, and its latest (loaded on demand). */
export interface DeclarationSource {
  latestOf(providerId: string): object | undefined;
  latestDeclaration(providerId: string): Promise<Declaration | undefined>;
}

/** Who recorded an observation when the key names no organisation (an admin). */
export const OPERATOR = 'retention-atlas operator';

export class ObservationError extends Error {
  constructor(readonly status: 404 | 409, message: string) {
    super(message);
  }
}

/**
 * Observations: recording (checked against the format and the provider's latest
 * declaration), responses, withdrawal, and reading them back with their status. Keeps every
 * provider's observations in memory (they are few and small) so rankings never wait on the
 * store; `revision` grows with every write so derived views know when they are stale.
 */
export class ObservationService {
  private readonly views = new Map<string, ObservationView[]>();
  private readonly places = new Map<string, FormatPlace | undefined>();
  private readonly writes = new SerialQueue();
  private ownRevision = 0;
  /** Assessments, whose facts are read with the observations (attached once, at start). */
  private assessments?: AssessmentService;

  private constructor(
    readonly store: ObservationStore,
    private readonly registry: SchemaRegistry,
    private readonly declarations: DeclarationSource,
    private readonly categories: readonly string[],
    private readonly clock: () => Date,
  ) {}

  static async open(store: ObservationStore, registry: SchemaRegistry, declarations: DeclarationSource, categories: readonly string[], clock = () => new Date()): Promise<ObservationService> {
    const service = new ObservationService(store, registry, declarations, categories, clock);
    if (store.all) {
      for (const [id, records] of await store.all()) service.views.set(id, withStatus(records));
      service.ownRevision++;
    } else {
      for (const id of await store.providerIds()) await service.reload(id);
    }
    return service;
  }

  /** Reads the facts of assessments with the observations from now on. */
  attach(assessments: AssessmentService): void {
    this.assessments = assessments;
  }

  /** Grows with every change of the evidence (observations or assessments), so derived views know when they are stale. */
  get revision(): number {
    return this.ownRevision + (this.assessments?.revision ?? 0);
  }

  /** Providers with observations or assessments, sorted. */
  providerIds(): string[] {
    const own = [...this.views.keys()].filter((id) => this.views.get(id)!.length > 0);
    return [...new Set([...own, ...(this.assessments?.providerIds() ?? [])])].sort();
  }

  /** Whether there is evidence (an observation or an assessment) about the provider. */
  hasEvidence(providerId: string): boolean {
    return this.list(providerId).length > 0 || (this.assessments?.list(providerId).length ?? 0) > 0;
  }

  /** The organisations whose active observations or assessments describe the provider. */
  assessedBy(providerId: string): string[] {
    const own = activeOnly(this.list(providerId)).map((o) => o.organisation);
    return [...new Set([...(this.assessments?.describe(providerId)?.assessedBy ?? []), ...own])];
  }

  list(providerId: string): ObservationView[] {
    return this.views.get(providerId) ?? [];
  }

  get(providerId: string, id: number): ObservationView | undefined {
    return this.list(providerId).find((o) => o.id === id);
  }

  /** Providers that never declared but have observations: who they are and as of when. */
  undeclared(): { providerId: string; name: string; asOf: string }[] {
    return this.providerIds()
      .filter((id) => !this.declarations.latestOf(id))
      .map((providerId) => {
        const all = this.list(providerId);
        const assessed = this.assessments?.describe(providerId);
        const name = all.find((o) => o.providerName)?.providerName ?? assessed?.name ?? providerId;
        const used = activeOnly(all);
        const dates = [...(used.length > 0 ? used : all).map((o) => o.observedAt), ...(assessed ? [assessed.asOf] : [])];
        return { providerId, name, asOf: dates.sort().at(-1)! };
      });
  }

  /** The declaration observations are applied to: the latest declared one, or one that answers nothing. */
  async baseOf(providerId: string): Promise<{ declaration: Declaration; declaredByProvider: boolean } | undefined> {
    const declaration = await this.declarations.latestDeclaration(providerId);
    if (declaration) return { declaration, declaredByProvider: true };
    const undeclared = this.undeclared().find((u) => u.providerId === providerId);
    return undeclared ? { declaration: undeclaredBase({ ...undeclared, categories: this.categories }), declaredByProvider: false } : undefined;
  }

  /** Active observations with their places, ready to apply. */
  placed(providerId: string): PlacedObservation[] {
    const own = this.usable(providerId).map(({ o, place }) => ({ id: o.id, observedAt: o.observedAt, pointer: o.pointer, value: o.value, place }));
    return [...own, ...(this.assessments?.placed(providerId) ?? [])];
  }

  /** Active observations whose pointer the format (still) defines. */
  private usable(providerId: string): { o: ObservationView; place: FormatPlace }[] {
    return activeOnly(this.list(providerId)).flatMap((o) => {
      const place = this.placeOf(o.pointer);
      return place ? [{ o, place }] : [];
    });
  }

  /** Active observations as the findings rules read them. */
  facts(providerId: string): ObservedFact[] {
    return [...this.ownFacts(providerId), ...(this.assessments?.facts(providerId) ?? [])];
  }

  private ownFacts(providerId: string): ObservedFact[] {
    return this.usable(providerId).map(({ o, place }) => ({
      id: o.id,
      providerId,
      organisation: o.organisation,
      pointer: o.pointer,
      value: o.value,
      statement: o.statement,
      observedAt: o.observedAt,
      sources: o.sources,
      place,
      responses: o.responses.map(({ statement, sources }) => ({ statement, sources })),
    }));
  }

  async record(providerId: string, body: unknown, caller: Caller): Promise<ObservationView> {
    return this.writes.run(providerId, async () => {
      const declared = await this.declarations.latestDeclaration(providerId);
      const { observation } = checkObservation(this.registry, body, declared);
      const existing = this.list(providerId);
      const organisation = caller.organisation ?? OPERATOR;
      if (!declared && existing.length === 0 && !observation.providerName && !this.assessments?.describe(providerId)?.name) {
        throw new InvalidDocumentError([{ pointer: '/providerName', keyword: 'required', message: `provider "${providerId}" has no declaration: the first observation about it must name it` }]);
      }
      if (observation.supersedes !== undefined) this.checkSupersedes(existing, observation, organisation);
      const stored = await this.store.append(providerId, { ...observation, organisation, recordedAt: this.clock().toISOString(), recordedBy: caller.keyId });
      return this.reloadAndGet(providerId, stored.id);
    });
  }

  async respond(providerId: string, observationId: number, body: unknown, caller: Caller): Promise<ResponseRecord> {
    const validate = this.registry.validator('observation-response');
    if (!validate(body)) throw new InvalidDocumentError(normalizeIssues(issuesFromAjv(validate.errors)), 'The response does not satisfy the format.');
    const { statement, sources } = body as ObservationResponse;
    return this.writes.run(providerId, async () => {
      if (!this.get(providerId, observationId)) throw new ObservationError(404, `No observation ${observationId} of provider "${providerId}".`);
      const stored = await this.store.respond(providerId, observationId, { statement, sources, recordedAt: this.clock().toISOString(), recordedBy: caller.keyId });
      await this.reload(providerId);
      return stored!;
    });
  }

  async withdraw(providerId: string, observationId: number, caller: Caller, reason?: string): Promise<ObservationView> {
    return this.writes.run(providerId, async () => {
      if (!this.get(providerId, observationId)) throw new ObservationError(404, `No observation ${observationId} of provider "${providerId}".`);
      await this.store.withdraw(providerId, observationId, { at: this.clock().toISOString(), by: caller.keyId, ...(reason ? { reason } : {}) });
      return this.reloadAndGet(providerId, observationId);
    });
  }

  private checkSupersedes(existing: ObservationView[], observation: Observation, organisation: string): void {
    const target = existing.find((o) => o.id === observation.supersedes);
    const refuse = (message: string) => {
      throw new InvalidDocumentError([{ pointer: '/supersedes', keyword: 'supersedes', message }]);
    };
    if (!target) return refuse(`there is no observation ${observation.supersedes} of this provider`);
    if (target.organisation !== organisation) refuse(`observation ${target.id} is ${target.organisation}'s; only its own organisation may supersede it`);
    if (target.status !== 'active') refuse(`observation ${target.id} is already ${target.status}`);
  }

  /** The place of a stored pointer; undefined if a later format no longer defines it (then it is not applied). */
  private placeOf(pointer: string): FormatPlace | undefined {
    if (!this.places.has(pointer)) {
      const resolved = resolvePlace(pointer, (name) => this.registry.schema(name));
      this.places.set(pointer, 'keyword' in resolved ? undefined : resolved);
    }
    return this.places.get(pointer);
  }

  /**
   * Re-reads one provider's observations from the store: how a replica learns of
   * observations recorded by another (the change feed). Takes its turn with this
   * replica's writes, so an older read never replaces a newer one.
   */
  refresh(providerId: string, read?: ObservationRecord[]): Promise<void> {
    return this.writes.run(providerId, async () => {
      let views = withStatus(read ?? (await this.store.list(providerId)));
      // This replica's own writes come back on the feed too: unchanged, nothing derived goes stale.
      if (isDeepStrictEqual(views, this.views.get(providerId) ?? [])) return;
      // A list read before this turn (`read`, from a read of every provider) may predate a write of this replica: read again.
      if (read) views = withStatus(await this.store.list(providerId));
      this.views.set(providerId, views);
      this.ownRevision++;
    });
  }

  /** Refreshes every provider: after the change feed was interrupted and may have missed writes (one read of all, then one per provider that changed). */
  async refreshAll(): Promise<void> {
    const all = this.store.all ? await this.store.all() : undefined;
    const ids = new Set([...(all?.keys() ?? (await this.store.providerIds())), ...this.views.keys()]);
    for (const id of ids) await this.refresh(id, all && (all.get(id) ?? []));
  }

  private async reload(providerId: string): Promise<void> {
    this.views.set(providerId, withStatus(await this.store.list(providerId)));
    this.ownRevision++;
  }

  private async reloadAndGet(providerId: string, id: number): Promise<ObservationView> {
    await this.reload(providerId);
    return this.get(providerId, id)!;
  }
}
