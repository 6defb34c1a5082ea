/**
 * The body of the CSV thread (a worker_threads Worker started by csv-thread.ts): gathers an
 * upload's bytes as they arrive, then decodes and reads it with the same core functions as
 * the CLI, so a 16 MB file — its bytes, its text, its hundreds of thousands of rows and the
 * garbage they leave — never holds the server's event loop or sits in its heap.
 */
import { parentPort } from 'node:worker_threads';
import { loadSchemaRegistry } from '../../formats/schema-registry.js';
import { importTables } from '../../policies/load-import-tables.js';
import { decodeTextInSlices } from '../../transparency/decode-text.js';
import { ImportError } from '../../transparency/import-error.js';
import { parseRequestsCsv } from '../../transparency/parse-requests-csv.js';
import { MAX_SKIPPED_LISTED, type CsvMessage, type CsvOutcome } from './csv-figures.js';

const registry = loadSchemaRegistry();
const tables = importTables();
const uploads = new Map<number, { charset?: string; chunks: Uint8Array[] }>();

async function read(id: number, bytes: Buffer, charset?: string): Promise<CsvOutcome> {
  try {
    const { text, encoding } = await decodeTextInSlices(bytes, charset);
    const parsed = await parseRequestsCsv(text, tables, registry);
    const figures = {
      rows: parsed.rows.map((r) => r.row),
      skipped: parsed.skipped.slice(0, MAX_SKIPPED_LISTED),
      skippedTotal: parsed.skipped.length,
      layout: parsed.layout,
      encoding,
    };
    return { id, ok: true, figures };
  } catch (error) {
    if (error instanceof ImportError) return { id, ok: false, importError: { title: error.title, detail: error.detail, extensions: error.extensions } };
    return { id, ok: false, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

parentPort!.on('message', (message: CsvMessage) => {
  if (message.type === 'open') uploads.set(message.id, { charset: message.charset, chunks: [] });
  else if (message.type === 'chunk') uploads.get(message.id)?.chunks.push(message.bytes);
  else if (message.type === 'abort') uploads.delete(message.id);
  else {
    const upload = uploads.get(message.id);
    uploads.delete(message.id);
    if (!upload) return;
    void read(message.id, Buffer.concat(upload.chunks), upload.charset).then((outcome) => parentPort!.postMessage(outcome));
  }
});
parentPort!.postMessage('ready');
