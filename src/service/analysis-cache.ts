import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where analyses of latest versions are remembered between runs, so a restart does not
 * re-score every provider. It is a cache, never the record: a miss, a stale key or an
 * unreadable file only means the analysis is computed again.
 */
export interface AnalysisCache<A> {
  get(providerId: string, version: number): Promise<A | undefined>;
  /** Remembers a version's analysis, and with it the read model's compact summary of it (a JSON value) when given. */
  set(providerId: string, version: number, analysis: A, summary?: unknown): Promise<void>;
  /** Optional: the analyses of many latest versions at once (keyed by provider id; misses left out), for a starting read model. */
  getMany?(versions: { providerId: string; version: number }[]): Promise<Map<string, A>>;
  /**
   * Optional: the summaries remembered beside the analyses of many versions (keyed by provider
   * id; misses left out): all a starting read model reads of a provider whose analysis is
   * remembered. A summary is valid exactly as long as its analysis: same key, same version.
   */
  getSummaries?(versions: { providerId: string; version: number }[]): Promise<Map<string, unknown>>;
  /** Optional: remembers the summary of an analysis remembered without one (data from before summaries were kept). */
  setSummary?(providerId: string, version: number, summary: unknown): Promise<void>;
}

interface Entry<A> {
  key: string;
  version: number;
  analysis: A;
}

interface SummaryEntry {
  key: string;
  version: number;
  summary: unknown;
}

/**
 * One JSON file per provider under `dir` (`<id>.json`, the analysis, tens of kilobytes) and
 * one beside it under `dir/summaries` (`<id>.json`, the read model's summary, a few
 * kilobytes); each carries the key and version it was computed under, so a summary is
 * stale exactly when its analysis is.
 */
export class FileAnalysisCache<A> implements AnalysisCache<A> {
  private ready: Promise<unknown> | undefined;

  /**
   * Summaries are valid under `key`; analyses under `analysesKey` (by default the same): a
   * service whose analyses carry the law of each column remembers them under a key without the
   * law, so a change of law finds the analyses it can update column by column.
   */
  constructor(
    private readonly dir: string,
    private readonly key: string,
    private readonly analysesKey: string = key,
  ) {}

  async get(providerId: string, version: number): Promise<A | undefined> {
    const entry = await this.read<Entry<A>>(this.file(providerId), version, this.analysesKey);
    return entry?.analysis;
  }

  async set(providerId: string, version: number, analysis: A, summary?: unknown): Promise<void> {
    // Side by side: a summary whose analysis was not written (a crash between) is still right, and the analysis is recomputed on demand.
    await Promise.all([
      this.write(this.file(providerId), { key: this.analysesKey, version, analysis } satisfies Entry<A>),
      summary !== undefined && this.setSummary(providerId, version, summary),
    ]);
  }

  async getSummaries(versions: { providerId: string; version: number }[]): Promise<Map<string, unknown>> {
    const found = new Map<string, unknown>();
    // Read synchronously, 64 files (a fraction of a millisecond) between turns of the event loop: a
    // starting read model reads thousands, and each round trip through the thread pool costs several times the reading.
    for (let start = 0; start < versions.length; start += 64) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      for (const v of versions.slice(start, start + 64)) {
        const entry = this.readSync<SummaryEntry>(this.summaryFile(v.providerId), v.version);
        if (entry) found.set(v.providerId, entry.summary);
      }
    }
    return found;
  }

  async setSummary(providerId: string, version: number, summary: unknown): Promise<void> {
    await this.write(this.summaryFile(providerId), { key: this.key, version, summary } satisfies SummaryEntry);
  }

  /** An entry made under this key for `version`, or undefined (missing, stale or unreadable). */
  private async read<E extends { key: string; version: number }>(file: string, version: number, key = this.key): Promise<E | undefined> {
    try {
      const entry = JSON.parse(await readFile(file, 'utf8')) as E;
      return entry.key === key && entry.version === version ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  private readSync<E extends { key: string; version: number }>(file: string, version: number): E | undefined {
    try {
      const entry = JSON.parse(readFileSync(file, 'utf8')) as E;
      return entry.key === this.key && entry.version === version ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  private async write(file: string, entry: object): Promise<void> {
    try {
      this.ready ??= mkdir(path.join(this.dir, 'summaries'), { recursive: true });
      await this.ready;
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(entry));
      await rename(temp, file);
    } catch {
      // A cache that cannot be written costs a recomputation at the next start, nothing more.
    }
  }

  private file(providerId: string): string {
    return path.join(this.dir, `${providerId}.json`);
  }

  private summaryFile(providerId: string): string {
    return path.join(this.dir, 'summaries', `${providerId}.json`);
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
