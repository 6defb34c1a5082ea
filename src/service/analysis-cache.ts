import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
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
  /**
   * Optional, for a starting read model whose analysis threads parse, update and serialise the
   * analyses: the remembered analyses of many versions as their JSON text, unparsed (keyed by
   * provider id; misses and other versions left out; current or not — the threads decide).
   */
  getTexts?(versions: { providerId: string; version: number }[]): Promise<Map<string, string>>;
  /** Optional, with `getTexts`: remembers an analysis given as its JSON text, with its summary; only the summary when `analysis` is undefined. */
  setText?(providerId: string, version: number, analysis: string | undefined, summary: unknown): Promise<void>;
}

/** The first line of an analysis file: what it was computed under; the analysis's JSON follows on the next line. */
interface Header {
  format: typeof FILE_FORMAT;
  key: string;
  version: number;
}

/** Bumped when the layout of an analysis file changes: a file of another layout is a miss. */
const FILE_FORMAT = 2;

interface SummaryEntry {
  key: string;
  version: number;
  summary: unknown;
}

/** Folders of earlier laws and keys kept beside the current ones (then removed, in the background). */
const KEPT_FOLDERS = 3;
/** How long after a cache is opened the folders beyond those are removed. */
const PRUNE_AFTER_MS = 60_000;

/**
 * One file per provider for its analysis (tens of kilobytes) and one for its read-model summary
 * (a few kilobytes), each carrying the key and version it was computed under. Files are grouped
 * in folders by what they were made under: analyses in `dir/law-<law>/` (the law in force of
 * every column when the cache was opened), summaries in `dir/summaries/<key>/`. A change of law
 * therefore writes new files in a new folder instead of replacing thousands of files in place —
 * on ext4, replacing (or unlinking) a file whose blocks are on disk costs about a millisecond
 * each, ten times writing a new one. An analysis is looked up in the current law's folder
 * first, then in the earlier ones, newest first (it may be updated from there, column by
 * column); folders beyond the newest few are removed in the background, a minute after the cache is opened.
 */
export class FileAnalysisCache<A> implements AnalysisCache<A> {
  private readonly lawDir: string;
  private readonly summaryDir: string;
  /** Folders of earlier laws, newest first: read on the first look-up. */
  private earlier: string[] | undefined;
  private made = false;

  /**
   * Summaries are valid under `key`; analyses under `analysesKey` (by default the same): a
   * service whose analyses carry the law of each column remembers them under a key without the
   * law, so a change of law finds the analyses it can update column by column. `law` names the
   * folder new analyses are written to (the law in force of every column today). `getTexts`
   * and `setText` read and write the codec's text as it is.
   */
  constructor(
    private readonly dir: string,
    private readonly key: string,
    private readonly analysesKey: string = key,
    law = '',
    /** How an analysis is written and read back (by default as JSON). */
    private readonly codec: { encode(analysis: A): string; decode(text: string): A } = { encode: (a) => JSON.stringify(a), decode: (text) => JSON.parse(text) as A },
  ) {
    this.lawDir = path.join(dir, `law-${shortHash(analysesKey + law)}`);
    this.summaryDir = path.join(dir, 'summaries', shortHash(key));
  }

  async get(providerId: string, version: number): Promise<A | undefined> {
    const text = this.findText(providerId, version);
    try {
      return text === undefined ? undefined : this.codec.decode(text);
    } catch {
      return undefined;
    }
  }

  async set(providerId: string, version: number, analysis: A, summary?: unknown): Promise<void> {
    // Side by side: a summary whose analysis was not written (a crash between) is still right, and the analysis is recomputed on demand.
    await Promise.all([
      this.write(this.lawDir, providerId, this.analysisFile(version, this.codec.encode(analysis))),
      summary !== undefined && this.setSummary(providerId, version, summary),
    ]);
  }

  /**
   * Read synchronously, 64 files between turns of the event loop, and never parsed here: the
   * analysis threads parse what they update (a main thread that parsed and copied thousands of
   * analyses of tens of kilobytes spent more time on that than the threads on the new columns).
   */
  async getTexts(versions: { providerId: string; version: number }[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (let start = 0; start < versions.length; start += 64) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      for (const v of versions.slice(start, start + 64)) {
        const text = this.findText(v.providerId, v.version);
        if (text !== undefined) found.set(v.providerId, text);
      }
    }
    return found;
  }

  /**
   * Written synchronously (a new file of tens of kilobytes into the page cache takes a fraction
   * of a millisecond; a starting read model writes thousands, and each trip through the thread
   * pool of `fs/promises` — open, write, close, rename — cost several times the writing).
   */
  async setText(providerId: string, version: number, analysis: string | undefined, summary: unknown): Promise<void> {
    this.setTextSync(providerId, version, analysis, summary);
  }

  /** `setText` for an analysis thread (which opens the same cache). */
  setTextSync(providerId: string, version: number, analysis: string | undefined, summary: unknown): void {
    if (analysis !== undefined) this.writeSync(this.lawDir, providerId, this.analysisFile(version, analysis));
    this.writeSync(this.summaryDir, providerId, JSON.stringify({ key: this.key, version, summary } satisfies SummaryEntry));
  }

  async getSummaries(versions: { providerId: string; version: number }[]): Promise<Map<string, unknown>> {
    const found = new Map<string, unknown>();
    // Read synchronously, 64 files (a fraction of a millisecond) between turns of the event loop: a
    // starting read model reads thousands, and each round trip through the thread pool costs several times the reading.
    for (let start = 0; start < versions.length; start += 64) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      for (const v of versions.slice(start, start + 64)) {
        try {
          const entry = JSON.parse(readFileSync(path.join(this.summaryDir, `${v.providerId}.json`), 'utf8')) as SummaryEntry;
          if (entry.key === this.key && entry.version === v.version) found.set(v.providerId, entry.summary);
        } catch {
          // Missing or unreadable: made again.
        }
      }
    }
    return found;
  }

  async setSummary(providerId: string, version: number, summary: unknown): Promise<void> {
    await this.write(this.summaryDir, providerId, JSON.stringify({ key: this.key, version, summary } satisfies SummaryEntry));
  }

  /** Where a provider's analysis is written (its file in the current law's folder). */
  analysisPath(providerId: string): string {
    return path.join(this.lawDir, `${providerId}.json`);
  }

  /** Where a provider's summary is written. */
  summaryPath(providerId: string): string {
    return path.join(this.summaryDir, `${providerId}.json`);
  }

  /** The text of the analysis of `version` remembered under this key (current or not), for an analysis thread. */
  textOf(providerId: string, version: number): string | undefined {
    return this.findText(providerId, version);
  }

  /** The text of the analysis of `version` remembered under this key: in the current law's folder, else the newest earlier one that has it. */
  private findText(providerId: string, version: number): string | undefined {
    this.earlier ??= this.earlierFolders();
    for (const folder of [this.lawDir, ...this.earlier]) {
      try {
        const text = this.analysisText(readFileSync(path.join(folder, `${providerId}.json`), 'utf8'), version);
        if (text !== undefined) return text;
      } catch {
        // Missing or unreadable here: the next folder, else analysed again.
      }
    }
    return undefined;
  }

  /**
   * The folders of earlier laws, newest first; those beyond the newest few are removed in the
   * background, with files of an older layout, and the summaries' folders beyond the newest few.
   */
  private earlierFolders(): string[] {
    const folders = (parent: string, wanted: (name: string) => boolean) => {
      try {
        return readdirSync(parent, { withFileTypes: true })
          .map((e) => ({ name: e.name, file: path.join(parent, e.name), folder: e.isDirectory() }))
          .filter((e) => wanted(e.name))
          .map((e) => ({ ...e, at: e.folder ? statSync(e.file).mtimeMs : 0 }))
          .sort((a, b) => b.at - a.at);
      } catch {
        return [];
      }
    };
    const laws = folders(this.dir, (name) => name !== 'summaries' && name !== path.basename(this.lawDir));
    const keys = folders(path.join(this.dir, 'summaries'), (name) => name !== path.basename(this.summaryDir));
    const kept = laws.filter((e) => e.folder && e.name.startsWith('law-')).slice(0, KEPT_FOLDERS - 1);
    const removed = [...laws.filter((e) => !kept.includes(e)), ...keys.filter((e, i) => !e.folder || i >= KEPT_FOLDERS - 1)];
    // Later, and not on the way of a start (which has thousands of files to read and write).
    if (removed.length > 0) setTimeout(() => removed.forEach((e) => void rm(e.file, { recursive: true, force: true }).catch(() => undefined)), PRUNE_AFTER_MS).unref();
    return kept.map((e) => e.file);
  }

  /** The text of an analysis file: its header line, then the analysis. */
  private analysisFile(version: number, analysis: string): string {
    return `${JSON.stringify({ format: FILE_FORMAT, key: this.analysesKey, version } satisfies Header)}\n${analysis}`;
  }

  /** The analysis in a file's text when its header names this key and `version`, else undefined. */
  private analysisText(file: string, version: number): string | undefined {
    const end = file.indexOf('\n');
    if (end < 0) return undefined;
    const header = JSON.parse(file.slice(0, end)) as Header;
    return header.format === FILE_FORMAT && header.key === this.analysesKey && header.version === version ? file.slice(end + 1) : undefined;
  }

  private async write(folder: string, providerId: string, text: string): Promise<void> {
    try {
      await mkdir(folder, { recursive: true });
      const file = path.join(folder, `${providerId}.json`);
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, text);
      await rename(temp, file);
    } catch {
      // A cache that cannot be written costs a recomputation at the next start, nothing more.
    }
  }

  private writeSync(folder: string, providerId: string, text: string): void {
    try {
      if (!this.made) {
        mkdirSync(this.lawDir, { recursive: true });
        mkdirSync(this.summaryDir, { recursive: true });
        this.made = true;
      }
      const file = path.join(folder, `${providerId}.json`);
      try {
        // A new file (the usual case: a new law's or key's folder) is written in place: a torn
        // one does not parse and is a miss, like a missing one.
        writeFileSync(file, text, { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, text);
        renameSync(temp, file);
      }
    } catch {
      // A cache that cannot be written costs a recomputation at the next start, nothing more.
    }
  }
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
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
