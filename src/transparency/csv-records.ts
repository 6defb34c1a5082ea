/** One CSV record and the physical line it starts on (1-based). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A record that could not be read: its first line, and why. */
export interface BrokenRecord {
  line: number;
  broken: string;
}

/**
 * Yielded between records, or in the middle of a long one, whenever the reader has looked at
 * `chunkChars` characters since it last yielded: a consumer can give the event loop a turn.
 */
export interface Pause {
  pause: true;
}

/** Characters looked at so far; a test reads it to prove the reader linear and its steps short. */
export interface ScanMeter {
  chars: number;
}

export interface ReadOptions {
  /** Work (characters looked at) between two yields, at most about this much (default 64 Ki). */
  chunkChars?: number;
  /** Fields kept per record; a record with more is reported broken (default 1,024). */
  maxFields?: number;
  /** Characters kept per field; a record with a longer one is reported broken (default 4,096): no pattern ever sees more. */
  maxFieldChars?: number;
}

const PAUSE: Pause = Object.freeze({ pause: true });
export const DEFAULT_CHUNK_CHARS = 64 * 1024;
export const DEFAULT_MAX_FIELDS = 1024;
/** Far more than any cell of a transparency report holds (a country name, a date, a count). */
export const DEFAULT_MAX_FIELD_CHARS = 4096;

/**
 * Reads CSV text (RFC 4180, comma-separated, any of CRLF/LF/CR) record by record, in one
 * pass. Quotes are read leniently: a quote inside an unquoted cell is a character, and in a
 * quoted cell `""` is a quote and the next single quote closes the quoting wherever it is
 * (text after it stays in the cell). Empty lines are skipped.
 *
 * A quote that is never closed would swallow the rest of the file: its record is reported
 * broken and reading resumes on the line after the one the quote opened on. That rescans at
 * most once in a whole file: past a never-closed quote every run of quotes has even length
 * (otherwise its last quote would have closed it), and a cell that opens on an even run
 * closes within it — so no later quote can fail the same way. Work is at most three looks
 * at each character, whatever the text holds (the meter counts them all).
 *
 * No step is long: every scan (for a closing quote, the end of a cell, the end of a line)
 * goes at most `chunkChars` characters at a time, and the reader yields a Pause whenever it
 * has done that much work since its last yield — inside a 16 MB quoted cell or a line of a
 * million commas as well as between records.
 */
export function* readCsvRecords(text: string, meter: ScanMeter = { chars: 0 }, options: ReadOptions = {}): Generator<CsvRecord | BrokenRecord | Pause> {
  const chunk = Math.max(16, options.chunkChars ?? DEFAULT_CHUNK_CHARS);
  const maxFields = options.maxFields ?? DEFAULT_MAX_FIELDS;
  const maxFieldChars = options.maxFieldChars ?? DEFAULT_MAX_FIELD_CHARS;
  // Sticky runs of at most `chunk` characters: each test stops at the next delimiter or after a chunk.
  const cellRun = new RegExp(`[^,\\r\\n]{0,${chunk}}`, 'y');
  const quotedRun = new RegExp(`[^"]{0,${chunk}}`, 'y');
  const lineRun = new RegExp(`[^\\r\\n]{0,${chunk}}`, 'y');
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  /** Work since the last yield. */
  let work = 0;
  const look = (chars: number) => {
    meter.chars += chars;
    work += chars;
  };
  /** Where a run of `re` starting at `from` ends (at most `chunk` characters on). */
  const runEnd = (re: RegExp, from: number) => {
    re.lastIndex = from;
    re.test(text);
    return re.lastIndex;
  };
  const lineBreakAt = (k: number) => (text[k] === '\r' && text[k + 1] === '\n' ? 2 : text[k] === '\r' || text[k] === '\n' ? 1 : 0);
  /** Line breaks in text[from, to): CRLF counts once. */
  const breaksIn = (from: number, to: number) => {
    look(to - from);
    let count = 0;
    for (let k = from; k < to; k++) if (text[k] === '\n' || (text[k] === '\r' && text[k + 1] !== '\n')) count++;
    return count;
  };

  while (i < n) {
    if (work >= chunk) {
      yield PAUSE;
      work = 0;
    }
    const empty = lineBreakAt(i);
    if (empty > 0) {
      look(empty);
      i += empty;
      line++;
      continue;
    }
    const startLine = line;
    const fields: string[] = [];
    let fieldCount = 0;
    /** A field of this record grew past maxFieldChars: it is not kept, and the record is broken. */
    let overlong = false;
    let unclosedAt: { index: number; line: number } | undefined;
    for (;;) {
      let cell = '';
      /** Appends to the cell being read, unless it is beyond what is kept. */
      const keep = (from: number, to: number) => {
        if (fieldCount >= maxFields || overlong) return;
        cell += text.slice(from, Math.min(to, from + maxFieldChars + 1 - cell.length));
        if (cell.length > maxFieldChars) {
          overlong = true;
          cell = '';
        }
      };
      if (text[i] === '"') {
        const open = { index: i, line };
        let j = i + 1;
        for (;;) {
          const q = runEnd(quotedRun, j);
          look(q - j);
          line += breaksIn(j, q);
          keep(j, q);
          if (q >= n) {
            unclosedAt = open;
            break;
          }
          if (work >= chunk) {
            yield PAUSE;
            work = 0;
          }
          if (text[q] !== '"') {
            j = q; // a chunk without a quote: read on
            continue;
          }
          look(1);
          if (text[q + 1] === '"') {
            keep(q, q + 1);
            look(1);
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        if (unclosedAt) break;
      }
      for (;;) {
        const end = runEnd(cellRun, i);
        look(end - i);
        keep(i, end);
        i = end;
        if (i >= n || text[i] === ',' || text[i] === '\r' || text[i] === '\n') break;
        yield PAUSE; // a chunk of one cell without its end: read on after a pause
        work = 0;
      }
      if (fieldCount++ < maxFields) fields.push(cell);
      if (work >= chunk) {
        yield PAUSE;
        work = 0;
      }
      if (text[i] === ',') {
        look(1);
        i++;
        if (i < n) continue;
        if (fieldCount++ < maxFields) fields.push('');
        break;
      }
      const br = lineBreakAt(i);
      look(br);
      i += br;
      if (br > 0) line++;
      break;
    }
    if (!unclosedAt) {
      if (fieldCount > maxFields) yield { line: startLine, broken: `has more than ${maxFields} fields` };
      else if (overlong) yield { line: startLine, broken: `has a field longer than ${maxFieldChars} characters` };
      else yield { line: startLine, fields };
      work = 0;
      continue;
    }
    const where = unclosedAt.line === startLine ? 'a quote opened on this line' : `a quote opened on line ${unclosedAt.line}`;
    yield { line: startLine, broken: `not valid CSV: ${where} is never closed` };
    work = 0;
    // Resume on the line after the one the quote opened on.
    let k = unclosedAt.index;
    for (;;) {
      const end = runEnd(lineRun, k);
      look(end - k);
      k = end;
      if (k >= n) return;
      if (text[k] === '\r' || text[k] === '\n') break;
      yield PAUSE;
      work = 0;
    }
    const br = lineBreakAt(k);
    look(br);
    i = k + br;
    line = unclosedAt.line + 1;
  }
}
