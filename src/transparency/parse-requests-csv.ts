import { parse } from 'csv-parse/sync';
import type { SchemaRegistry } from '../formats/schema-registry.js';
import type { GovernmentRequest } from '../formats/types.generated.js';
import { readAtlasRow } from './atlas-row.js';
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

interface Record {
  line: number;
  fields: string[];
}

/** Splits CSV text into records with their line numbers; a broken record is skipped, not fatal. */
function readRecords(text: string, skipped: SkippedRow[]): Record[] {
  const parsed = parse(text, {
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: { lines?: number; message: string } | undefined) => {
      if (error) skipped.push({ line: error.lines ?? 0, reason: `not valid CSV: ${error.message}` });
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return parsed.map(({ record, info }) => ({ line: info.lines, fields: record }));
}

function readRow(layout: CsvLayout, cells: (column: string) => string, tables: ImportTables): RowResult {
  return layout.kind === 'google' ? readGoogleRow(cells, layout, tables) : readAtlasRow(cells);
}

/**
 * Reads a transparency CSV in any known layout. Every data line ends up either in
 * `rows` or in `skipped` with its line number and reason; an unknown layout is an
 * ImportError naming the headers each layout expects.
 */
export function parseRequestsCsv(text: string, tables: ImportTables, registry: SchemaRegistry): ParsedRequests {
  const skipped: SkippedRow[] = [];
  const records = readRecords(text, skipped);
  if (records.length === 0) throw new ImportError('Empty File', 'The CSV has no header row.');
  const [header, ...data] = records;
  const layout = detectLayout(header.fields);
  if (!layout)
    throw new ImportError('Unknown CSV Layout', 'The header row matches no known layout.', {
      found: header.fields,
      expected: CSV_LAYOUTS.map((l) => ({ layout: l.id, description: l.description, headers: requiredHeaders(l) })),
    });
  const index = new Map(header.fields.map((h, i) => [headerKey(h), i] as const));

  const rows: ParsedRequests['rows'] = [];
  const firstLine = new Map<string, number>();
  for (const { line, fields } of data) {
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
    const issues = checkGovernmentRequests(registry, [result.row]);
    if (issues.length > 0) {
      skipped.push({ line, reason: issues.map((i) => `${i.pointer.replace(/^\/0\/?/, '') || 'row'} ${i.message}`).join('; ') });
      continue;
    }
    const key = requestRowKey(result.row);
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      skipped.push({ line, reason: `same period, country and process as line ${earlier}` });
      continue;
    }
    firstLine.set(key, line);
    rows.push({ line, row: result.row });
  }
  skipped.sort((a, b) => a.line - b.line);
  return { layout: layout.id, rows, skipped };
}
