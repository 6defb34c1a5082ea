import { isDeepStrictEqual } from 'node:util';
import type { Caller } from '../auth/api-key.js';
import { assessedFacts } from '../assessments/assessment-facts.js';
import type { AssessmentRecord, AssessmentStore, AssessmentView } from '../assessments/assessment-record.js';
import { checkAssessment } from '../assessments/check-assessment.js';
import type { ObservedFact } from '../findings/rule.js';
import { issuesFromAjv } from '../formats/ajv-issues.js';
import type { SchemaRegistry } from '../formats/schema-registry.js';
import type { ObservationResponse } from '../formats/types.generated.js';
import { InvalidDocumentError, normalizeIssues } from '../formats/validation-error.js';
import type { PlacedObservation } from '../observations/apply-observations.js';
import { activeOnly, withStatus, type ResponseRecord } from '../observations/observation-record.js';
import { SerialQueue } from '../store/serial-queue.js';
import { ObservationError, OPERATOR, type DeclarationSource } from './observation-service.js';

/** What a provider's assessments say about who it is, for one that never declared. */
export interface AssessedProvider {
  providerId: string;
  name?: string;
  asOf: string;
  /** The organisations whose active assessments describe it, in order of first assessment. */
  assessedBy: string[];
}

/**
 * Assessments: reviewers' accounts of a provider written as parts of a declaration. Recorded
 * exactly as submitted (checked as a fragment of the format); their facts are read as
 * observations whose lists say "at least these" (`placed`, `facts`), so they order by
 * `observedAt`, apply to the observed view and meet the same findings. Keeps every
 * provider's assessments in memory, like observations; `revision` grows with every change.
 */
export class AssessmentService {
  private readonly views = new Map<string, AssessmentView[]>();
  private readonly writes = new SerialQueue();
  revision = 0;

  private constructor(
    readonly store: AssessmentStore,
    private readonly registry: SchemaRegistry,
    private readonly declarations: DeclarationSource,
    private readonly clock: () => Date,
  ) {}

  static async open(store: AssessmentStore, registry: SchemaRegistry, declarations: DeclarationSource, clock = () => new Date()): Promise<AssessmentService> {
    const service = new AssessmentService(store, registry, declarations, clock);
    await service.refreshAll();
    return service;
  }

  providerIds(): string[] {
    return [...this.views.keys()].filter((id) => this.views.get(id)!.length > 0).sort();
  }

  list(providerId: string): AssessmentView[] {
    return this.views.get(providerId) ?? [];
  }

  get(providerId: string, id: number): AssessmentView | undefined {
    return this.list(providerId).find((a) => a.id === id);
  }

  /** Who the assessments say the provider is, and who assessed it; undefined without assessments. */
  describe(providerId: string): AssessedProvider | undefined {
    const all = this.list(providerId);
    if (all.length === 0) return undefined;
    const used = activeOnly(all);
    const named = [...all].reverse().find((a) => a.document.provider?.name)?.document.provider?.name;
    return {
      providerId,
      ...(named ? { name: named } : {}),
      asOf: (used.length > 0 ? used : all).map((a) => a.observedAt).sort().at(-1)!,
      assessedBy: [...new Set(used.map((a) => a.organisation))],
    };
  }

  /** The facts of the active assessments, ready to apply with observations ("at least" lists). */
  placed(providerId: string): PlacedObservation[] {
    return activeOnly(this.list(providerId)).flatMap((a) =>
      assessedFacts(a.document, (name) => this.registry.schema(name)).map((f) => ({
        id: f.fact,
        assessment: a.id,
        atLeast: true,
        observedAt: a.observedAt,
        pointer: f.pointer,
        value: f.value,
        place: f.place,
      })),
    );
  }

  /** The facts of the active assessments as the findings rules read them. */
  facts(providerId: string): ObservedFact[] {
    const byId = new Map(this.list(providerId).map((a) => [a.id, a]));
    return this.placed(providerId).map((p) => {
      const a = byId.get(p.assessment!)!;
      return {
        id: p.id,
        assessment: a.id,
        atLeast: true,
        providerId,
        organisation: a.organisation,
        pointer: p.pointer,
        value: p.value as ObservedFact['value'],
        statement: a.statement,
        observedAt: a.observedAt,
        sources: a.sources,
        place: p.place,
        responses: a.responses.map(({ statement, sources }) => ({ statement, sources })),
      };
    });
  }

  async record(providerId: string, body: unknown, caller: Caller): Promise<AssessmentView> {
    const assessment = checkAssessment(this.registry, body, providerId);
    return this.writes.run(providerId, async () => {
      const existing = this.list(providerId);
      const organisation = caller.organisation ?? OPERATOR;
      const declared = this.declarations.latestOf(providerId) !== undefined;
      if (!declared && !existing.some((a) => a.document.provider?.name) && !assessment.document.provider?.name) {
        throw new InvalidDocumentError([{ pointer: '/document/provider/name', keyword: 'required', message: `provider "${providerId}" has no declaration: the first assessment of it must name it` }]);
      }
      if (assessment.supersedes !== undefined) {
        const target = existing.find((a) => a.id === assessment.supersedes);
        const refuse = (message: string) => {
          throw new InvalidDocumentError([{ pointer: '/supersedes', keyword: 'supersedes', message }]);
        };
        if (!target) refuse(`there is no assessment ${assessment.supersedes} of this provider`);
        else if (target.organisation !== organisation) refuse(`assessment ${target.id} is ${target.organisation}'s; only its own organisation may supersede it`);
        else if (target.status !== 'active') refuse(`assessment ${target.id} is already ${target.status}`);
      }
      const stored = await this.store.append(providerId, { ...assessment, organisation, recordedAt: this.clock().toISOString(), recordedBy: caller.keyId });
      await this.reload(providerId);
      return this.get(providerId, stored.id)!;
    });
  }

  async respond(providerId: string, id: number, body: unknown, caller: Caller): Promise<ResponseRecord> {
    const validate = this.registry.validator('observation-response');
    if (!validate(body)) throw new InvalidDocumentError(normalizeIssues(issuesFromAjv(validate.errors)), 'The response does not satisfy the format.');
    const { statement, sources } = body as ObservationResponse;
    return this.writes.run(providerId, async () => {
      if (!this.get(providerId, id)) throw new ObservationError(404, `No assessment ${id} of provider "${providerId}".`);
      const stored = await this.store.respond(providerId, id, { statement, sources, recordedAt: this.clock().toISOString(), recordedBy: caller.keyId });
      await this.reload(providerId);
      return stored!;
    });
  }

  async withdraw(providerId: string, id: number, caller: Caller, reason?: string): Promise<AssessmentView> {
    return this.writes.run(providerId, async () => {
      if (!this.get(providerId, id)) throw new ObservationError(404, `No assessment ${id} of provider "${providerId}".`);
      await this.store.withdraw(providerId, id, { at: this.clock().toISOString(), by: caller.keyId, ...(reason ? { reason } : {}) });
      await this.reload(providerId);
      return this.get(providerId, id)!;
    });
  }

  /** Re-reads one provider's assessments (the change feed: another replica wrote). */
  refresh(providerId: string): Promise<void> {
    return this.writes.run(providerId, async () => {
      const views = withStatus(await this.store.list(providerId));
      if (isDeepStrictEqual(views, this.views.get(providerId) ?? [])) return;
      this.views.set(providerId, views);
      this.revision++;
    });
  }

  async refreshAll(): Promise<void> {
    const all = this.store.all ? await this.store.all() : undefined;
    const ids = new Set([...(all?.keys() ?? (await this.store.providerIds())), ...this.views.keys()]);
    for (const id of ids) {
      const records: AssessmentRecord[] = all ? (all.get(id) ?? []) : await this.store.list(id);
      const views = withStatus(records);
      if (isDeepStrictEqual(views, this.views.get(id) ?? [])) continue;
      this.views.set(id, views);
      this.revision++;
    }
  }

  private async reload(providerId: string): Promise<void> {
    this.views.set(providerId, withStatus(await this.store.list(providerId)));
    this.revision++;
  }
}
