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

/** Characters looked at so far; a test reads it to prove the reader linear. */
export interface ScanMeter {
  chars: number;
}

const FIELD_END = /[,\r\n]/g;

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
 * closes within it — so no later quote can fail the same way. Work is at most twice the
 * length of the text, whatever it holds, plus one more look at the text of quoted cells
 * for their line breaks (the meter counts both).
 */
export function* readCsvRecords(text: string, meter: ScanMeter = { chars: 0 }): Generator<CsvRecord | BrokenRecord> {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const lineBreakAt = (k: number) => (text[k] === '\r' && text[k + 1] === '\n' ? 2 : text[k] === '\r' || text[k] === '\n' ? 1 : 0);
  /** Line breaks in text[from, to): CRLF counts once. */
  const breaksIn = (from: number, to: number) => {
    meter.chars += to - from;
    let count = 0;
    for (let k = from; k < to; k++) if (text[k] === '\n' || (text[k] === '\r' && text[k + 1] !== '\n')) count++;
    return count;
  };

  while (i < n) {
    const empty = lineBreakAt(i);
    if (empty > 0) {
      meter.chars += empty;
      i += empty;
      line++;
      continue;
    }
    const startLine = line;
    const fields: string[] = [];
    let unclosedAt: { index: number; line: number } | undefined;
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        const open = { index: i, line };
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            meter.chars += n - j;
            unclosedAt = open;
            break;
          }
          meter.chars += q + 1 - j;
          line += breaksIn(j, q);
          cell += text.slice(j, q);
          if (text[q + 1] === '"') {
            cell += '"';
            meter.chars++;
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        if (unclosedAt) break;
      }
      FIELD_END.lastIndex = i;
      const end = FIELD_END.exec(text)?.index ?? n;
      meter.chars += end - i;
      cell += text.slice(i, end);
      fields.push(cell);
      i = end;
      if (text[i] === ',') {
        meter.chars++;
        i++;
        if (i < n) continue;
        fields.push('');
        break;
      }
      const br = lineBreakAt(i);
      meter.chars += br;
      i += br;
      if (br > 0) line++;
      break;
    }
    if (!unclosedAt) {
      yield { line: startLine, fields };
      continue;
    }
    const where = unclosedAt.line === startLine ? 'a quote opened on this line' : `a quote opened on line ${unclosedAt.line}`;
    yield { line: startLine, broken: `not valid CSV: ${where} is never closed` };
    // Resume on the line after the one the quote opened on.
    const next = /\r\n|\n|\r/g;
    next.lastIndex = unclosedAt.index;
    const found = next.exec(text);
    if (!found) return;
    meter.chars += found.index + found[0].length - unclosedAt.index;
    i = found.index + found[0].length;
    line = unclosedAt.line + 1;
  }
}
