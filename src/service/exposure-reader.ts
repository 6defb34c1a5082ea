import { todayUtc } from '../law/in-force.js';
import { LawInForce } from '../law/law-in-force.js';
import type { ExplainLevel, ExposureResult } from '../scoring/index.js';
import { computeExposure } from '../scoring/index.js';
import type { PolicyData } from './analysis.js';
import type { Atlas } from './atlas.js';
import { byteBoundedCache, heapSize } from './byte-bounded-cache.js';

/**
 * Where the matrices of large stored versions are computed off the event loop (the draft
 * threads): from `minBytes` of stored text, `compute` is sent that text and answers the same
 * matrix `computeExposure` gives inline (or rejects with 503 busy when the threads are full).
 */
export interface MatrixThreads {
  minBytes: number;
  /** The matrix and its `heapSize` (measured there: walking a large matrix costs the event loop tens of milliseconds). */
  compute(body: string, options: { lawDate: string; explain: ExplainLevel }): Promise<{ result: ExposureResult; size: number }>;
}

/**
 * Full exposure matrices (every cell with its pathways and facts) of stored versions.
 * The compact scores live in each version's Analysis; the full matrix is large, so it is
 * computed once per version, model and law in force (not per date string: every date on
 * which the law stands the same shares it) and kept in a bounded cache rather than for all.
 * A large version's matrix (its stored text at least `threads.minBytes`) is computed on a
 * thread, so reading it never holds the event loop; requests for a matrix being computed wait
 * for the same computation.
 */
export class ExposureReader {
  private readonly cache = byteBoundedCache<ExposureResult>('exposure-matrices', 48 * 1024 * 1024, heapSize);
  private readonly computing = new Map<string, Promise<ExposureResult | undefined>>();
  private readonly law: LawInForce;

  constructor(
    private readonly atlas: Atlas<unknown>,
    private readonly policy: PolicyData,
    private readonly threads?: MatrixThreads,
  ) {
    this.law = new LawInForce(policy.jurisdictions);
  }

  /** The matrix of a stored version under the law of `lawDate` (default today), compact or fully explained; it names `lawDate`. */
  async of(providerId: string, version: number, options: { lawDate?: string; explain?: ExplainLevel } = {}): Promise<ExposureResult | undefined> {
    const lawDate = options.lawDate ?? todayUtc();
    const explain = options.explain ?? 'compact';
    const key = `${providerId}@${version}@${this.policy.params.modelVersion}@${this.law.explainedKey(lawDate)}@${explain}`;
    const made = this.cache.get(key) ?? (await this.computed(key, providerId, version, lawDate, explain));
    // Made for another date of the same law: the same matrix, answered for the date asked.
    return made && (made.lawDate === lawDate ? made : { ...made, lawDate });
  }

  private computed(key: string, providerId: string, version: number, lawDate: string, explain: ExplainLevel): Promise<ExposureResult | undefined> {
    let pending = this.computing.get(key);
    if (!pending) {
      pending = this.compute(providerId, version, lawDate, explain)
        .then((made) => {
          if (!made) return undefined;
          this.cache.set(key, made.result, made.size === undefined ? undefined : { size: made.size });
          return made.result;
        })
        .finally(() => this.computing.delete(key));
      this.computing.set(key, pending);
    }
    return pending;
  }

  private async compute(providerId: string, version: number, lawDate: string, explain: ExplainLevel): Promise<{ result: ExposureResult; size?: number } | undefined> {
    if (this.threads) {
      const record = await this.atlas.record(providerId, version);
      if (!record) return undefined;
      if (Buffer.byteLength(record.body, 'utf8') >= this.threads.minBytes) return this.threads.compute(record.body, { lawDate, explain });
    }
    const declaration = await this.atlas.declarationAt(providerId, version);
    if (!declaration) return undefined;
    return { result: computeExposure(declaration, this.policy.jurisdictions, this.policy.params, { lawDate, explain }) };
  }
}
