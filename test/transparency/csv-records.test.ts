import { describe, expect, it } from '@jest/globals';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import { readCsvRecords, type ScanMeter } from '../../src/transparency/csv-records.js';
import { ImportError } from '../../src/transparency/import-error.js';
import { importTables } from '../../src/policies/load-import-tables.js';
import { parseRequestsCsv } from '../../src/transparency/parse-requests-csv.js';

const HEADER = 'Period Ending,Country/Region,CLDR Territory Code,Legal Process,User Data Requests,Percentage disclosed,Accounts';
const read = (text: string) => [...readCsvRecords(text)];

/** Files that made the first importer re-read the rest of the file after each bad line. */
const pathological: [string, (lines: number) => string][] = [
  ['a never-closed quote on every line', (n) => Array.from({ length: n }, (_, i) => `2020-06-30,"Germany ${i},DE,All,1,2,3`).join('\n')],
  ['a quote at the start of every line', (n) => Array.from({ length: n }, () => '"').join('\n')],
  ['quotes closed by the next line', (n) => Array.from({ length: n }, (_, i) => (i % 2 ? 'x",1,2' : '"a,b')).join('\r\n')],
  ['even runs of quotes after a broken one', (n) => '"open\n' + Array.from({ length: n }, () => '"""",""a""').join('\n')],
  ['one huge unquoted line', (n) => 'x'.repeat(n * 40)],
];

describe('readCsvRecords', () => {
  it('reads quoted cells, escaped quotes, every line break and the line each record starts on', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""",\n\n"multi\r\nline",q"uote,z\r"tail"end,1,2';
    expect(read(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', ''] },
      { line: 4, fields: ['multi\r\nline', 'q"uote', 'z'] },
      { line: 6, fields: ['tailend', '1', '2'] },
    ]);
  });

  it('reports a never-closed quote and reads on from the next line', () => {
    expect(read('h1,h2\n1,"open\n2,3\n4,5')).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, broken: 'not valid CSV: a quote opened on this line is never closed' },
      { line: 3, fields: ['2', '3'] },
      { line: 4, fields: ['4', '5'] },
    ]);
  });

  /** Files whose single steps were long: one scan from a quote to the end of the file, or across a whole line. */
  const longSteps: [string, string][] = [
    ['a quote never closed, at the start of 1 MB', HEADER + '\n2020-06-30,"' + 'x,'.repeat(500_000)],
    ['a quoted cell of 1 MB closed at the end, with line breaks in it', '"' + 'ab\r\n'.repeat(250_000) + '",1'],
    ['a line of 1 MB without a comma', 'x'.repeat(1_000_000)],
    ['a line of a million commas', ','.repeat(1_000_000)],
    ['1 MB of empty lines', '\n'.repeat(1_000_000)],
    ['a never-closed quote on a line of 1 MB', '"' + 'y'.repeat(1_000_000)],
  ];

  it.each(longSteps)('never looks at more than a few chunks of characters between two yields on %s', (_name, text) => {
    // Work is counted by the meter at each yield (a record, a broken record or a pause): with
    // 1,000-character chunks no step may look at more than three chunks' worth.
    const meter: ScanMeter = { chars: 0 };
    let before = 0;
    let longest = 0;
    let yields = 0;
    for (const _ of readCsvRecords(text, meter, { chunkChars: 1000 })) {
      longest = Math.max(longest, meter.chars - before);
      before = meter.chars;
      yields++;
    }
    longest = Math.max(longest, meter.chars - before);
    expect(longest).toBeLessThanOrEqual(3 * 1000 + 8);
    expect(yields).toBeGreaterThanOrEqual(text.length / (3 * 1000 + 8) - 1);
    expect(meter.chars).toBeLessThanOrEqual(3 * text.length + 10);
  });

  it('reads the same records whatever the chunk size, and pauses only where asked', () => {
    const text = 'a,"b\r\nc""d",e\n"' + 'q'.repeat(5000) + '",' + 'r'.repeat(5000) + '\n\n\nx,y\n"open,z\nlast';
    const records = (chunkChars?: number) => [...readCsvRecords(text, undefined, { chunkChars, maxFieldChars: 10_000 })].filter((r) => !('pause' in r));
    expect(records(17)).toEqual(records(undefined));
    expect(records(undefined)).toEqual([
      { line: 1, fields: ['a', 'b\r\nc"d', 'e'] },
      { line: 3, fields: ['q'.repeat(5000), 'r'.repeat(5000)] },
      { line: 6, fields: ['x', 'y'] },
      { line: 7, broken: 'not valid CSV: a quote opened on this line is never closed' },
      { line: 8, fields: ['last'] },
    ]);
    expect([...readCsvRecords('a,b\n1,2\n')].some((r) => 'pause' in r)).toBe(false);
  });

  it('reports a record with a field longer than it keeps as broken (quoted or not), so no later step sees a longer string', () => {
    const long = 'x'.repeat(4097);
    const quotedQuote = '"' + 'y'.repeat(4095) + '""",z';
    expect(read(`h\n${long},1\n"${long}"\n${quotedQuote}\nok`)).toEqual([
      { line: 1, fields: ['h'] },
      { line: 2, broken: 'has a field longer than 4096 characters' },
      { line: 3, broken: 'has a field longer than 4096 characters' },
      { line: 4, fields: ['y'.repeat(4095) + '"', 'z'] },
      { line: 5, fields: ['ok'] },
    ]);
    // A 16 MB field is read (and counted) without ever being kept.
    const meter = { chars: 0 };
    expect([...readCsvRecords('a,' + 'b'.repeat(16 * 1024 * 1024), meter)].filter((r) => !('pause' in r))).toEqual([{ line: 1, broken: 'has a field longer than 4096 characters' }]);
    expect(meter.chars).toBeLessThanOrEqual(3 * (16 * 1024 * 1024 + 2));
  });

  it('reports a record of more fields than it keeps as broken, keeping none of them', () => {
    expect(read('h\n' + ','.repeat(1024) + '\nz')).toEqual([
      { line: 1, fields: ['h'] },
      { line: 2, broken: 'has more than 1024 fields' },
      { line: 3, fields: ['z'] },
    ]);
    expect(read(','.repeat(1023))[0]).toMatchObject({ line: 1, fields: Array(1024).fill('') });
  });

  it.each(pathological)('looks at each character a bounded number of times on a file with %s', (_name, make) => {
    // Counted work, not time: at 10× the lines, 10× the work, and never more than 3 looks per character.
    const ratios = [500, 5000].map((lines) => {
      const text = make(lines);
      const meter: ScanMeter = { chars: 0 };
      const records = [...readCsvRecords(text, meter)];
      expect(records.length).toBeGreaterThan(0);
      expect(meter.chars).toBeLessThanOrEqual(3 * text.length + 10);
      return meter.chars / text.length;
    });
    expect(ratios[1]).toBeLessThanOrEqual(ratios[0] * 1.1 + 0.01);
  });
});

describe('parseRequestsCsv on a pathological upload', () => {
  it('reads 8,000 lines of stray quotes with every line accounted for, in linear work', async () => {
    // Each quote is closed by the one on the next line: 4,000 two-line records, the first a
    // valid row and the others its repeats. The first importer spent 39 s on this file.
    const lines = Array.from({ length: 8000 }, (_, i) => `2020-06-30,"Germany ${i},DE,All,1,2,3`);
    const text = [HEADER, ...lines].join('\n');
    const meter: ScanMeter = { chars: 0 };
    const parsed = await parseRequestsCsv(text, importTables(), loadSchemaRegistry(), { meter });
    expect(parsed.rows.map((r) => r.line)).toEqual([2]);
    expect(parsed.skipped.length).toBe(3999);
    expect(parsed.skipped[0]).toEqual({ line: 4, reason: 'same period, country and process as line 2' });
    expect(meter.chars).toBeLessThanOrEqual(3 * text.length);
  });

  it('skips a never-closed quote alone, in linear work, however late in a long file', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => `${2000 + (i % 20)}-06-30,Germany,DE,All,${i},2,3`);
    const text = [HEADER, rows.slice(0, 2000).join('\n'), '2020-06-30,"Spain', ...rows.slice(2000, 2020)].join('\n');
    const meter: ScanMeter = { chars: 0 };
    const parsed = await parseRequestsCsv(text, importTables(), loadSchemaRegistry(), { meter });
    expect(parsed.skipped.find((s) => s.reason.includes('never closed'))).toEqual({ line: 2002, reason: 'not valid CSV: a quote opened on this line is never closed' });
    expect(meter.chars).toBeLessThanOrEqual(3 * text.length);
  });
});

describe('parseRequestsCsv turns and limits', () => {
  it('gives the event loop a turn inside a record that never ends, after each chunk of work', async () => {
    const text = HEADER + '\n2020-06-30,"' + 'x'.repeat(1_000_000);
    const meter: ScanMeter = { chars: 0 };
    const atTurns: number[] = [];
    // sliceMs -1: every pause of the reader is a turn, so turns count the reader's steps.
    const turn = async () => void atTurns.push(meter.chars);
    const parsed = await parseRequestsCsv(text, importTables(), loadSchemaRegistry(), { meter, turn, sliceMs: -1, read: { chunkChars: 10_000 } });
    expect(parsed.skipped).toEqual([{ line: 2, reason: 'not valid CSV: a quote opened on this line is never closed' }]);
    const steps = atTurns.map((chars, i) => chars - (atTurns[i - 1] ?? 0));
    expect(atTurns.length).toBeGreaterThanOrEqual(50);
    expect(Math.max(...steps)).toBeLessThanOrEqual(3 * 10_000 + 8);
  });

  it('checks a repeated row once: a repeat is skipped before the row check', async () => {
    const registry = loadSchemaRegistry();
    let checks = 0;
    // A row's check starts with the quick validator (the full one runs only on a row it rejects).
    const counting = { ...registry, quickValidator: (name: string) => {
      const validate = registry.quickValidator(name);
      return Object.assign((data: unknown) => (checks++, validate(data)), validate);
    } } as typeof registry;
    const text = [HEADER, ...Array.from({ length: 1000 }, () => '2020-06-30,Germany,DE,All,1,2,3')].join('\n');
    const parsed = await parseRequestsCsv(text, importTables(), counting);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.skipped).toHaveLength(999);
    expect(parsed.skipped[0]).toEqual({ line: 3, reason: 'same period, country and process as line 2' });
    expect(checks).toBe(1);
  });

  it('refuses more rows than a declaration holds as soon as it reads one too many', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => `${2000 + i}-06-30,Germany,DE,All,1,2,3`);
    const meter: ScanMeter = { chars: 0 };
    const error = await parseRequestsCsv([HEADER, ...lines].join('\n'), importTables(), loadSchemaRegistry(), { meter, maxRows: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ title: 'Too Many Rows', extensions: { maxRows: 10, line: 12 } });
    // It stopped at line 12 rather than reading all 51.
    expect(meter.chars).toBeLessThan(HEADER.length + 13 * lines[0].length);
    const fits = await parseRequestsCsv([HEADER, ...lines.slice(0, 10)].join('\n'), importTables(), loadSchemaRegistry(), { maxRows: 10 });
    expect(fits.rows).toHaveLength(10);
  });
});

describe('decodeTextInSlices', () => {
  it('decodes a large upload exactly as decodeText does, a character split across slices included', async () => {
    const { decodeText, decodeTextInSlices } = await import('../../src/transparency/decode-text.js');
    const utf8 = Buffer.from('\uFEFF' + 'é'.repeat(700_000) + ' Côte d’Ivoire \u{1F4E8}', 'utf8'); // 1 MB boundary falls inside a 2-byte é
    expect(await decodeTextInSlices(utf8)).toEqual(decodeText(utf8));
    const cp1252 = Buffer.concat([Buffer.from('x'.repeat(1_500_000)), Buffer.from([0x43, 0xf4, 0x74, 0x65])]); // "Côte" in windows-1252
    const decoded = await decodeTextInSlices(cp1252);
    expect(decoded).toEqual(decodeText(cp1252));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text.endsWith('Côte')).toBe(true);
  });
});
