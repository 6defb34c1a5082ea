import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where analyses of latest versions are remembered between runs, so a restart does not
 * re-score every provider. It is a cache, never the record: a miss, a stale key or an
 * unreadable file only means the analysis is computed again.
 */
export interface AnalysisCache<A> {
  get(providerId: string, version: number): Promise<A | undefined>;
  set(providerId: string, version: number, analysis: A): Promise<void>;
  /** Optional: the analyses of many latest versions at once (keyed by provider id; misses left out), for a starting read model. */
  getMany?(versions: { providerId: string; version: number }[]): Promise<Map<string, A>>;
}

interface Entry<A> {
  key: string;
  version: number;
  analysis: A;
}

/** One small JSON file per provider under `dir`; entries carry the key they were computed under. */
export class FileAnalysisCache<A> implements AnalysisCache<A> {
  private ready: Promise<unknown> | undefined;

  constructor(
    private readonly dir: string,
    private readonly key: string,
  ) {}

  async get(providerId: string, version: number): Promise<A | undefined> {
    try {
      const entry = JSON.parse(await readFile(this.file(providerId), 'utf8')) as Entry<A>;
      return entry.key === this.key && entry.version === version ? entry.analysis : undefined;
    } catch {
      return undefined;
    }
  }

  async set(providerId: string, version: number, analysis: A): Promise<void> {
    try {
      this.ready ??= mkdir(this.dir, { recursive: true });
      await this.ready;
      const temp = `${this.file(providerId)}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify({ key: this.key, version, analysis } satisfies Entry<A>));
      await rename(temp, this.file(providerId));
    } catch {
      // A cache that cannot be written costs a recomputation at the next start, nothing more.
    }
  }

  private file(providerId: string): string {
    return path.join(this.dir, `${providerId}.json`);
  }
}

/**
 * The key analyses are valid under: the exposure model's version, the package version (a
 * release may change findings or the analysis shape without a model bump) and a hash of
 * the policy data (jurisdiction profiles, model parameters), and the law epoch of the day
 * (which facts are in force): when a date passes at which a fact enters or leaves force, the
 * next start recomputes every analysis. A change to any makes every cached analysis stale. The shell passes all three in; nothing is read from disk here.
 */
export function analysisKey(policy: { params: { modelVersion: string } }, packageVersion: string, lawEpoch = ''): string {
  return createHash('sha256').update(JSON.stringify([policy.params.modelVersion, packageVersion, lawEpoch, policy])).digest('hex');
}
