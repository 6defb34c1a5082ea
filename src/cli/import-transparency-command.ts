import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { makeAnalyzer } from '../service/analysis.js';
import { Atlas } from '../service/atlas.js';
import { LowdbStore } from '../store/lowdb-store.js';
import { decodeText } from '../transparency/decode-text.js';
import { ImportError } from '../transparency/import-error.js';
import { importTables } from '../policies/load-import-tables.js';
import { importRequests, UnknownProviderError } from '../service/import-requests.js';
import { parseRequestsCsv, type SkippedRow } from '../transparency/parse-requests-csv.js';
import { CliError, type CliContext } from './cli-context.js';
import { policyData, schemaRegistry } from './core-data.js';
import { byteProgress, type Progress } from './progress.js';
import { readFailure } from './validate-command.js';
import { addTargetOptions, problemMessage, send, targetOf, withDataDir, type TargetOptions } from './target.js';
import { PROVIDER_ID as SLUG } from '../formats/provider-id.js';

interface ImportOutcome {
  version: number;
  created: boolean;
  layout: string;
  imported: number;
  added: number;
  replaced: number;
  unchanged: number;
  skipped: SkippedRow[];
  /** All skipped lines; a server lists only the first 1000 in `skipped`. */
  skippedTotal?: number;
}

const CHUNK = 64 * 1024;
/** A report of thousands of skipped rows hides the summary; the JSON output has more (all of them with --data-dir). */
const MAX_SKIPPED_SHOWN = 20;

/** Streams the file to the server in chunks, so the bar follows the upload. */
function uploadBody(bytes: Buffer, progress: Progress): ReadableStream {
  async function* chunks() {
    for (let at = 0; at < bytes.length; at += CHUNK) {
      const chunk = bytes.subarray(at, at + CHUNK);
      progress.advance(chunk.length);
      yield chunk;
    }
  }
  return Readable.toWeb(Readable.from(chunks())) as ReadableStream;
}

async function viaServer(url: string, token: string, providerId: string, bytes: Buffer, progress: Progress): Promise<ImportOutcome> {
  const response = await send(`${url}/v1/providers/${providerId}/transparency`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': String(bytes.length) },
    body: uploadBody(bytes, progress),
    duplex: 'half',
  } as RequestInit);
  progress.stop();
  if (!response.ok) throw new CliError(await problemMessage(response), 1);
  return (await response.json()) as ImportOutcome;
}

/** The same steps as POST /v1/providers/{id}/transparency, on the store in a directory. */
async function viaDataDir(dataDir: string, providerId: string, bytes: Buffer): Promise<ImportOutcome> {
  return withDataDir(dataDir, async () => {
    const registry = schemaRegistry();
    let parsed;
    try {
      parsed = await parseRequestsCsv(decodeText(bytes).text, importTables(), registry);
    } catch (error) {
      if (error instanceof ImportError) throw new CliError(`${error.title}: ${error.detail}`, 1);
      throw error;
    }
    const store = await LowdbStore.open(dataDir);
    try {
      const atlas = await Atlas.open(store, registry, makeAnalyzer(policyData()));
      const rows = parsed.rows.map((r) => r.row);
      const outcome = await importRequests(atlas, providerId, rows, 'cli').catch((error: unknown) => {
        if (error instanceof UnknownProviderError) throw new CliError(`no provider "${providerId}" in ${dataDir}: submit a declaration before importing its figures`, 1);
        throw error;
      });
      const { version, created, added, replaced, unchanged } = outcome;
      return { layout: parsed.layout, imported: rows.length, added, replaced, unchanged, skipped: parsed.skipped, version, created };
    } finally {
      await store.close();
    }
  }, { mustExist: true });
}

export function registerImportTransparency(program: Command, ctx: CliContext): void {
  addTargetOptions(
    program
      .command('import-transparency')
      .description("import a transparency-report CSV (government requests) into a provider's declaration as a new version")
      .argument('<csv>', 'the CSV file (the atlas layout, or a Google user-data-requests export)')
      .requiredOption('-p, --provider <id>', 'the provider whose declaration receives the figures'),
  )
    .option('--json', 'print the import result as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  retention-atlas import-transparency report.csv --provider quietline --server http://127.0.0.1:3000 --token ra_…\n  retention-atlas import-transparency report.csv --provider quietline --data-dir ./data',
    )
    .action(async (csv: string, options: TargetOptions & { provider: string; json?: boolean }) => {
      if (!SLUG.test(options.provider)) throw new CliError(`"${options.provider}" is not a provider id (lower-case letters, digits and hyphens)`);
      const target = targetOf(options);
      const bytes = await readFile(csv).catch((error: unknown) => {
        throw new CliError(`cannot read ${csv}: ${readFailure(error)}`);
      });
      const outcome =
        target.kind === 'server'
          ? await viaServer(target.url, target.token, options.provider, bytes, byteProgress('uploading', bytes.length, ctx.interactive))
          : await viaDataDir(target.dataDir, options.provider, bytes);
      if (options.json) return ctx.out(JSON.stringify(outcome, null, 2) + '\n');
      ctx.out(
        `${csv}: ${outcome.imported} rows read (${outcome.layout} layout): ${outcome.added} added, ${outcome.replaced} replaced, ${outcome.unchanged} unchanged, ${outcome.skippedTotal ?? outcome.skipped.length} skipped\n`,
      );
      for (const s of outcome.skipped.slice(0, MAX_SKIPPED_SHOWN)) ctx.out(`  ${csv}:${s.line}: skipped: ${s.reason}\n`);
      const total = outcome.skippedTotal ?? outcome.skipped.length;
      if (total > MAX_SKIPPED_SHOWN) ctx.out(`  … and ${total - MAX_SKIPPED_SHOWN} more skipped rows (--json lists ${total > outcome.skipped.length ? `the first ${outcome.skipped.length}` : 'them all'})\n`);
      ctx.out(outcome.created ? `${options.provider}: new version ${outcome.version}\n` : `${options.provider}: nothing new; still version ${outcome.version}\n`);
    });
}
