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

const LINE_BREAK = /\r\n|\n|\r/;
const BLANK_LINES = /^(?:[ \t]*(?:\r\n|\n|\r))*/;
const breaks = (text: string) => (text.match(/\r\n|\n|\r/g) ?? []).length;

/**
 * Splits CSV text into records, each with the physical line it starts on (counted here:
 * the parser's own line count takes a CRLF inside a quoted cell for two lines); a broken
 * record is skipped, not fatal. A quote that is never closed would swallow the rest of
 * the file, so the line it opens on is skipped alone and reading goes on from the next.
 */
function readRecords(text: string, skipped: SkippedRow[]): Record[] {
  const records: Record[] = [];
  let rest = text;
  let offset = 0; // physical lines of `text` before `rest`
  for (;;) {
    let unclosed = false;
    const parsed = parse(rest, {
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error: { code?: string; lines?: number; message: string } | undefined) => {
        if (!error) return;
        if (error.code === 'CSV_QUOTE_NOT_CLOSED') unclosed = true;
        else skipped.push({ line: offset + (error.lines ?? 0), reason: `not valid CSV: ${error.message}` });
      },
    }) as unknown as { record: string[]; info: { bytes: number } }[];
    const bytes = Buffer.from(rest, 'utf8');
    let at = 0; // byte where the previous record ended (info.bytes counts its line break)
    let lines = 0; // line breaks before `at`
    for (const { record, info } of parsed) {
      const segment = bytes.subarray(at, info.bytes).toString('utf8');
      records.push({ line: offset + lines + breaks(BLANK_LINES.exec(segment)![0]) + 1, fields: record });
      lines += breaks(segment);
      at = info.bytes;
    }
    if (!unclosed) return records;
    const tail = bytes.subarray(at).toString('utf8');
    const blank = BLANK_LINES.exec(tail)![0];
    const broken = lines + breaks(blank); // 0-based line of the unclosed quote
    skipped.push({ line: offset + broken + 1, reason: 'not valid CSV: a quote opened on this line is never closed' });
    const fromBroken = tail.slice(blank.length);
    const next = LINE_BREAK.exec(fromBroken);
    if (!next) return records;
    rest = fromBroken.slice(next.index + next[0].length);
    offset += broken + 1;
  }
}

/** A row-check issue as text: its field, then the message (unless the message already names it). */
function issueText(issue: { pointer: string; message: string }): string {
  const field = issue.pointer.replace(/^\/0\/?/, '').replace(/\//g, '.') || 'row';
  return issue.message.startsWith(field.split('.')[0]) ? issue.message : `${field} ${issue.message}`;
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
      skipped.push({ line, reason: issues.map(issueText).join('; ') });
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
