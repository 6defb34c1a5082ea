import { mkdir, readFile, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { writeDurably } from './durable-json-file.js';

const HASH = /^sha256:([0-9a-f]{64})$/;
/** A temporary file a crash left before its rename: never referenced by any index. */
const ORPHAN_TEMP = /^sha256-[0-9a-f]{64}\.json\.\d+\.tmp$/;

/**
 * Immutable version bodies, content-addressed: `DIR/sha256-<hex>.json` holds the exact
 * bytes whose digest is in its name. A body is written once (fsync'ed, renamed into
 * place, directory fsync'ed) and never rewritten, so the cost of storing a version does
 * not depend on how many came before it; the same bytes submitted twice share one file.
 */
export class BodyFiles {
  private constructor(private readonly dir: string) {}

  static async open(dir: string): Promise<BodyFiles> {
    await mkdir(dir, { recursive: true });
    // Safe only because the DATA_DIR lock says no other process is mid-write here.
    for (const orphan of (await readdir(dir)).filter((f) => ORPHAN_TEMP.test(f))) await unlink(path.join(dir, orphan)).catch(() => undefined);
    return new BodyFiles(dir);
  }

  fileOf(hash: string): string {
    const hex = HASH.exec(hash)?.[1];
    if (!hex) throw new Error(`not a content hash: ${hash}`);
    return path.join(this.dir, `sha256-${hex}.json`);
  }

  /** Makes the body durable under its hash; a no-op when that file is already there. */
  async write(hash: string, body: string): Promise<void> {
    const file = this.fileOf(hash);
    if (await stat(file).then(() => true, () => false)) return;
    await writeDurably(file, body);
  }

  read(hash: string): Promise<string> {
    return readFile(this.fileOf(hash), 'utf8');
  }
}
