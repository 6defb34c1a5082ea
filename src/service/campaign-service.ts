import type { Caller } from '../auth/api-key.js';
import { askPointerIssue } from '../campaigns/ask-places.js';
import { currentCampaign, type CampaignRecord, type CampaignRevision, type CurrentCampaign, type RevisionRecord } from '../campaigns/campaign-record.js';
import type { CampaignStore } from '../campaigns/campaign-store.js';
import { judgeAsk, scorecard, unansweredPointers, type AskState, type CampaignProvider, type JudgedVersion, type Scorecard } from '../campaigns/scorecard.js';
import { issuesFromAjv } from '../formats/ajv-issues.js';
import type { SchemaRegistry } from '../formats/schema-registry.js';
import type { Campaign, Declaration } from '../formats/types.generated.js';
import { InvalidDocumentError, normalizeIssues, type ValidationIssue } from '../formats/validation-error.js';
import { todayUtc } from '../law/in-force.js';
import type { VersionMeta } from '../store/store.js';
import type { ExposureReader } from './exposure-reader.js';
import { ObservationError, OPERATOR } from './observation-service.js';

/** What campaigns need of the declarations: every provider's history and any version's declaration. */
export interface VersionSource {
  latestOf(providerId: string): object | undefined;
  history(providerId: string): Promise<VersionMeta[]>;
  declarationAt(providerId: string, version: number): Promise<Declaration | undefined>;
}

/** A change of one ask's state for one provider, after the asks were sent: what the feed reports. */
export interface AskChange {
  providerId: string;
  askId: string;
  version: number;
  at: string;
  from: AskState;
  to: AskState;
}

/**
 * Campaigns: created once under an unused id by a reviewer or admin, changed only by
 * revisions of the same organisation (or an admin), never rewritten; and their scorecards,
 * judged on the providers' stored declarations.
 */
export class CampaignService {
  constructor(
    readonly store: CampaignStore,
    private readonly registry: SchemaRegistry,
    private readonly versions: VersionSource,
    private readonly exposure: ExposureReader,
    private readonly knownProvider: (providerId: string) => boolean,
    private readonly taxonomy: readonly string[],
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async list(): Promise<CurrentCampaign[]> {
    return (await this.store.list()).map(currentCampaign);
  }

  async get(campaignId: string): Promise<CurrentCampaign | undefined> {
    const record = await this.store.get(campaignId);
    return record && currentCampaign(record);
  }

  async create(body: unknown, caller: Caller): Promise<CurrentCampaign> {
    const validate = this.registry.validator('campaign');
    if (!validate(body)) throw new InvalidDocumentError(normalizeIssues(issuesFromAjv(validate.errors)), 'The campaign does not satisfy the format.');
    const campaign = body as Campaign;
    this.checkMeaning(campaign);
    const record = await this.store.create({ ...campaign, organisation: caller.organisation ?? OPERATOR, createdAt: this.clock().toISOString(), createdBy: caller.keyId });
    return currentCampaign(record);
  }

  async revise(campaignId: string, body: unknown, caller: Caller): Promise<{ campaign: CurrentCampaign; revision: RevisionRecord }> {
    const validate = this.registry.fragment('campaign', '/$defs/revision');
    if (!validate(body)) throw new InvalidDocumentError(normalizeIssues(issuesFromAjv(validate.errors)), 'The revision does not satisfy the format.');
    const record = await this.store.get(campaignId);
    if (!record) throw new ObservationError(404, `No campaign "${campaignId}".`);
    const current = currentCampaign(record);
    if (caller.role !== 'admin' && caller.organisation !== current.organisation) throw new CampaignForbidden(`Campaign "${campaignId}" is ${current.organisation}'s; only its organisation (or an admin) revises it.`);
    if (current.status === 'withdrawn') throw new ObservationError(409, `Campaign "${campaignId}" is withdrawn; it is kept as it was.`);
    const revision = body as CampaignRevision;
    const { action, note: _n, ...changes } = revision;
    if (action === 'amend' && Object.keys(changes).length === 0) {
      throw new InvalidDocumentError([{ pointer: '', keyword: 'required', message: 'an amendment changes at least one of title, asks, providers, sentOn, replyDueBy, sources' }], 'The revision changes nothing.');
    }
    this.checkMeaning({ ...current, ...changes } as Campaign);
    const stored = (await this.store.revise(campaignId, { ...revision, at: this.clock().toISOString(), by: caller.keyId }))!;
    return { campaign: currentCampaign((await this.store.get(campaignId)) as CampaignRecord), revision: stored };
  }

  /** What the format alone cannot say: pointers the format defines, known providers, dates in order, one id per ask. */
  private checkMeaning(c: Campaign): void {
    const schemas = (name: string) => this.registry.schema(name);
    const issues: ValidationIssue[] = [];
    const askIds = new Set<string>();
    c.asks.forEach((ask, i) => {
      if (askIds.has(ask.id)) issues.push({ pointer: `/asks/${i}/id`, keyword: 'uniqueItems', message: `ask "${ask.id}" is named twice` });
      askIds.add(ask.id);
      ask.pointers.forEach((p, j) => {
        const why = askPointerIssue(p, schemas, this.taxonomy);
        if (why) issues.push({ pointer: `/asks/${i}/pointers/${j}`, keyword: 'pointer', message: `"${p}" names no place of the declaration format: ${why}` });
      });
    });
    c.providers.forEach((id, i) => {
      if (!this.knownProvider(id)) issues.push({ pointer: `/providers/${i}`, keyword: 'provider', message: `no provider "${id}" (no declaration, no observations, no assessments)` });
    });
    if (c.replyDueBy < c.sentOn) issues.push({ pointer: '/replyDueBy', keyword: 'formatMinimum', message: `must not be before sentOn (${c.sentOn})` });
    if (issues.length > 0) throw new InvalidDocumentError(normalizeIssues(issues), 'The campaign does not hold together.');
  }

  /** The scorecard under the law of `lawDate` (default today). */
  async scorecard(campaign: CurrentCampaign, lawDate = todayUtc()): Promise<Scorecard> {
    const providers: CampaignProvider[] = [];
    for (const providerId of campaign.providers) {
      const history = await this.versions.history(providerId);
      const sentBy = [...history].reverse().find((v) => v.submittedAt.slice(0, 10) <= campaign.sentOn);
      const latest = history.at(-1);
      providers.push({
        providerId,
        declaredByProvider: this.versions.latestOf(providerId) !== undefined,
        ...(sentBy ? { atSentOn: await this.judged(providerId, sentBy, lawDate) } : {}),
        ...(latest ? { latest: await this.judged(providerId, latest, lawDate) } : {}),
      });
    }
    return scorecard(campaign, providers, this.taxonomy, lawDate, todayUtc(this.clock()));
  }

  /** Every change of an ask's state after `sentOn`, version by version, for the feed. */
  async askChanges(campaign: CurrentCampaign): Promise<AskChange[]> {
    const changes: AskChange[] = [];
    for (const providerId of campaign.providers) {
      const history = await this.versions.history(providerId);
      let states = new Map<string, AskState>();
      for (const meta of history) {
        const declaration = (await this.versions.declarationAt(providerId, meta.version))!;
        const warnings = unansweredPointers(declaration, this.taxonomy);
        const next = new Map(campaign.asks.map((a) => [a.id, judgeAsk(a.pointers, declaration, warnings, this.taxonomy).state] as const));
        if (meta.submittedAt.slice(0, 10) > campaign.sentOn) {
          for (const [askId, to] of next) {
            const from = states.get(askId) ?? 'unanswered';
            if (from !== to) changes.push({ providerId, askId, version: meta.version, at: meta.submittedAt, from, to });
          }
        }
        states = next;
      }
    }
    return changes;
  }

  private async judged(providerId: string, meta: VersionMeta, lawDate: string): Promise<JudgedVersion> {
    const declaration = (await this.versions.declarationAt(providerId, meta.version))!;
    const result = await this.exposure.of(providerId, meta.version, { lawDate });
    const cells = result?.cells ?? [];
    const width = cells.length === 0 ? 0 : cells.reduce((sum, c) => sum + ((c.worstCase ?? c.score) - (c.established ?? c.score)), 0) / cells.length;
    return { version: meta.version, submittedAt: meta.submittedAt, declaration, width };
  }
}

/** A revision by another organisation's key (HTTP 403). */
export class CampaignForbidden extends Error {}
