import type { SchemaRegistry } from '../formats/schema-registry.js';
import type { GovernmentRequest } from '../formats/types.generated.js';
import { readAtlasRow } from './atlas-row.js';
import { readCsvRecords, type CsvRecord, type ReadOptions, type ScanMeter } from './csv-records.js';
import { checkGovernmentRequests } from './check-requests.js';
import { CSV_LAYOUTS, detectLayout, headerKey, requiredHeaders, type CsvLayout } from './csv-layouts.js';
import { readGoogleRow, type RowResult } from './google-row.js';
import { ImportError } from './import-error.js';
import type { ImportTables } from './import-tables.js';
import { requestRowKey } from './request-row-key.js';

export interface SkippedRow {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  reason: string;
}

export interface ParsedRequests {
  layout: CsvLayout['id'];
  rows: { line: number; row: GovernmentRequest }[];
  skipped: SkippedRow[];
}

/** A row-check issue as text: its field, then the message (unless the message already names it). */
function issueText(issue: { pointer: string; message: string }): string {
  const field = issue.pointer.replace(/^\/0\/?/, '').replace(/\//g, '.') || 'row';
  return issue.message.startsWith(field.split('.')[0]) ? issue.message : `${field} ${issue.message}`;
}

function readRow(layout: CsvLayout, cells: (column: string) => string, tables: ImportTables): RowResult {
  return layout.kind === 'google' ? readGoogleRow(cells, layout, tables) : readAtlasRow(cells);
}

export interface ParseOptions {
  /** Counts the characters the CSV reader looks at (tests prove it linear with it). */
  meter?: ScanMeter;
  /** Gives the event loop a turn at least this often (ms); the server stays responsive during a 16 MB import. */
  sliceMs?: number;
  /** How a turn is given (default: the next setImmediate). */
  turn?: () => Promise<void>;
  /** The reader's step size and field limit (tests make them small). */
  read?: ReadOptions;
  /** More rows than this is an ImportError (default: the 20,000 a declaration holds), found without reading on. */
  maxRows?: number;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** `governmentRequests` holds at most this many rows (declaration.schema.json). */
export const MAX_IMPORT_ROWS = 20_000;

/**
 * Reads a transparency CSV in any known layout. Every data line ends up either in
 * `rows` or in `skipped` with its line number and reason; an unknown layout is an
 * ImportError naming the headers each layout expects. One pass over the text, in slices
 * that yield to the event loop.
 */
export async function parseRequestsCsv(text: string, tables: ImportTables, registry: SchemaRegistry, options: ParseOptions = {}): Promise<ParsedRequests> {
  const sliceMs = options.sliceMs ?? 5;
  const turn = options.turn ?? nextTurn;
  const maxRows = options.maxRows ?? MAX_IMPORT_ROWS;
  const skipped: SkippedRow[] = [];
  const records = readCsvRecords(text, options.meter, options.read);
  let sliceStart = performance.now();
  let first = records.next();
  while (!first.done && 'pause' in first.value) {
    if (performance.now() - sliceStart > sliceMs) {
      await turn();
      sliceStart = performance.now();
    }
    first = records.next();
  }
  if (first.done || 'broken' in first.value) {
    if (!first.done && 'broken' in first.value) throw new ImportError('Unknown CSV Layout', `The header row is not valid CSV (${first.value.broken}).`);
    throw new ImportError('Empty File', 'The CSV has no header row.');
  }
  const header = first.value as CsvRecord;
  const layout = detectLayout(header.fields);
  if (!layout)
    throw new ImportError('Unknown CSV Layout', 'The header row matches no known layout.', {
      found: header.fields,
      expected: CSV_LAYOUTS.map((l) => ({ layout: l.id, description: l.description, headers: requiredHeaders(l) })),
    });
  const index = new Map(header.fields.map((h, i) => [headerKey(h), i] as const));

  const rows: ParsedRequests['rows'] = [];
  const firstLine = new Map<string, number>();
  let count = 0;
  for (const record of records) {
    if ((++count % 64 === 0 || 'pause' in record) && performance.now() - sliceStart > sliceMs) {
      await turn();
      sliceStart = performance.now();
    }
    if ('pause' in record) continue;
    if ('broken' in record) {
      skipped.push({ line: record.line, reason: record.broken });
      continue;
    }
    const { line, fields } = record;
    if (fields.every((f) => f.trim() === '')) continue;
    if (fields.length !== header.fields.length) {
      skipped.push({ line, reason: `has ${fields.length} fields, the header has ${header.fields.length}` });
      continue;
    }
    const cells = (column: string) => {
      const i = index.get(headerKey(column));
      return i === undefined ? '' : (fields[i] ?? '');
    };
    const result = readRow(layout, cells, tables);
    if (!result.ok) {
      skipped.push({ line, reason: result.reason });
      continue;
    }
    // A repeat of a row already kept is skipped whatever its figures: looked up before the
    // (far dearer) row check, so a file of one row repeated costs a lookup a line.
    const key = requestRowKey(result.row);
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      skipped.push({ line, reason: `same period, country and process as line ${earlier}` });
      continue;
    }
    const issues = checkGovernmentRequests(registry, [result.row]);
    if (issues.length > 0) {
      skipped.push({ line, reason: issues.map(issueText).join('; ') });
      continue;
    }
    firstLine.set(key, line);
    if (rows.length === maxRows) {
      throw new ImportError('Too Many Rows', `The CSV holds more than ${maxRows} rows (line ${line} is row ${maxRows + 1}); a declaration holds at most ${maxRows}. Nothing was imported.`, { maxRows, line });
    }
    rows.push({ line, row: result.row });
  }
  // Records come in line order (one pass), so `skipped` already is: no sort of a possibly huge list.
  return { layout: layout.id, rows, skipped };
}
