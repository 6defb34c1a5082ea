import type { Request, Response } from 'express';
import { stringify } from 'csv-stringify/sync';

/** One CSV column: a header and how to read its cell from a row. */
export interface TableColumn<Row> {
  header: string;
  value: (row: Row) => unknown;
}

export interface Table<Row> {
  columns: TableColumn<Row>[];
  rows: Row[];
  /** What JSON clients get (usually the rows wrapped with totals or paging). */
  json: unknown;
  /** Suggested download name, without extension. */
  filename?: string;
}

export const CSV_MEDIA_TYPE = 'text/csv';

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection);
// some trim leading spaces and line breaks first, so those do not hide a formula.
const FORMULA_START = /^[=+\-@\t\r\n]|^\s+[=+\-@]/;

/**
 * Cell text for any value: numbers stay numbers, lists join with "; ", objects become JSON.
 * Only text is guarded against formulas: a number cannot carry one, so -5 stays -5 and
 * spreadsheets still read it as a number, while the text "-5" (which could as well be
 * "-5+cmd|…") comes out as '-5.
 */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return guard(value.join('; '));
  if (typeof value === 'object') return guard(JSON.stringify(value));
  return guard(String(value));
}

/** Neutralises spreadsheet formulas by prefixing an apostrophe (OWASP's advice). */
function guard(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The CSV document (header row, RFC 4180 quoting, CRLF line ends) for a table. */
export function toCsv<Row>(columns: TableColumn<Row>[], rows: Row[]): string {
  const records = rows.map((row) => columns.map((c) => csvCell(c.value(row))));
  return stringify([columns.map((c) => guard(c.header)), ...records], {
    record_delimiter: 'windows',
    // csv-stringify only quotes the record delimiter itself; a lone \n inside a cell must be quoted too.
    quoted_match: /[\r\n]/,
  });
}

/** True when the client asks for CSV: `?format=csv`, or `Accept: text/csv` preferred over JSON (`?format=json` wins over Accept). */
export function wantsCsv(req: Request): boolean {
  if (req.query.format === 'csv') return true;
  if (req.query.format === 'json') return false;
  return req.accepts(['application/json', CSV_MEDIA_TYPE]) === CSV_MEDIA_TYPE;
}

/**
 * Answers a list endpoint: CSV when the client asks for it (`?format=csv` or `Accept: text/csv`), else the JSON body.
 * List and matrix endpoints share it so every table downloads the same way.
 */
export function sendTable<Row>(req: Request, res: Response, table: Table<Row>): void {
  res.vary('Accept');
  if (!wantsCsv(req)) {
    res.json(table.json);
    return;
  }
  if (table.filename) res.attachment(`${table.filename}.csv`);
  res.type('text/csv; charset=utf-8; header=present');
  res.send(toCsv(table.columns, table.rows));
}
