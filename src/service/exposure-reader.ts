import { todayUtc } from '../law/in-force.js';
import { LawInForce } from '../law/law-in-force.js';
import type { ExplainLevel, ExposureResult } from '../scoring/index.js';
import { computeExposure } from '../scoring/index.js';
import type { PolicyData } from './analysis.js';
import type { Atlas } from './atlas.js';
import { byteBoundedCache, heapSize } from './byte-bounded-cache.js';

/**
 * Full exposure matrices (every cell with its pathways and facts) of stored versions.
 * The compact scores live in each version's Analysis; the full matrix is large, so it is
 * computed once per version, model and law in force (not per date string: every date on
 * which the law stands the same shares it) and kept in a bounded cache rather than for all.
 */
export class ExposureReader {
  private readonly cache = byteBoundedCache<ExposureResult>('exposure-matrices', 48 * 1024 * 1024, heapSize);
  private readonly law: LawInForce;

  constructor(
    private readonly atlas: Atlas<unknown>,
    private readonly policy: PolicyData,
  ) {
    this.law = new LawInForce(policy.jurisdictions);
  }

  /** The matrix of a stored version under the law of `lawDate` (default today), compact or fully explained; it names `lawDate`. */
  async of(providerId: string, version: number, options: { lawDate?: string; explain?: ExplainLevel } = {}): Promise<ExposureResult | undefined> {
    const lawDate = options.lawDate ?? todayUtc();
    const explain = options.explain ?? 'compact';
    const key = `${providerId}@${version}@${this.policy.params.modelVersion}@${this.law.explainedKey(lawDate)}@${explain}`;
    const hit = this.cache.get(key);
    // Made for another date of the same law: the same matrix, answered for the date asked.
    if (hit) return hit.lawDate === lawDate ? hit : { ...hit, lawDate };
    const declaration = await this.atlas.declarationAt(providerId, version);
    if (!declaration) return undefined;
    const result = computeExposure(declaration, this.policy.jurisdictions, this.policy.params, { lawDate, explain });
    this.cache.set(key, result);
    return result;
  }
}
