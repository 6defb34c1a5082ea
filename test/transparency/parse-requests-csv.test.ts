import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import { projectRoot } from '../../src/paths.js';
import { aggregateRequests } from '../../src/transparency/aggregate-requests.js';
import { decodeText } from '../../src/transparency/decode-text.js';
import { ImportError } from '../../src/transparency/import-error.js';
import { importTables } from '../../src/policies/load-import-tables.js';
import { parseRequestsCsv } from '../../src/transparency/parse-requests-csv.js';

const registry = loadSchemaRegistry();
const bytes = (name: string) => readFileSync(path.join(projectRoot, 'test/fixtures/transparency', name));
const parse = (name: string) => parseRequestsCsv(decodeText(bytes(name)).text, importTables(), registry);

/**
 * Per-country sums of the file itself, computed independently of the importer. Google leaves
 * preservation requests out of its per-country totals ("We do not include preservation
 * requests in request totals for each country"), so they are left out here too.
 */
function publishedTotals(name: string, codeColumn: number, requestsColumn: number, accountsColumn: number) {
  const totals: Record<string, { requests: number; accounts: number }> = {};
  for (const line of bytes(name).toString('utf8').trim().split(/\r?\n/).slice(1)) {
    const cells = line.split(',');
    if (cells[3] === 'Preservation Requests') continue;
    const t = (totals[cells[codeColumn]] ??= { requests: 0, accounts: 0 });
    t.requests += Number(cells[requestsColumn]);
    t.accounts += Number(cells[accountsColumn]);
  }
  return totals;
}

describe('parseRequestsCsv', () => {
  it('imports every row of the current Google export, with per-country totals equal to the file', async () => {
    const parsed = await parse('google-user-data-requests-excerpt.csv');
    expect(parsed.layout).toBe('google-current');
    expect(parsed.skipped).toEqual([]);
    expect(parsed.rows).toHaveLength(180);
    const { byCountry } = aggregateRequests([{ providerId: 'google', rows: parsed.rows.map((r) => r.row) }], {});
    const published = publishedTotals('google-user-data-requests-excerpt.csv', 2, 4, 6);
    expect(Object.fromEntries(byCountry.map((c) => [c.country, { requests: c.requests, accounts: c.accounts }]))).toEqual(published);
  });

  it('names half-years by their last day and maps Legal Process values', async () => {
    const parsed = await parse('google-user-data-requests-excerpt.csv');
    expect(parsed.rows[0]).toEqual({
      line: 2,
      // Google published percentages from July–December 2010 on: the 0 of earlier periods means "not published".
      row: { period: { start: '2009-07-01', end: '2009-12-31' }, country: 'BR', process: 'all', requests: 3663, accounts: 0 },
    });
    expect(parsed.rows.find((r) => r.row.period.end === '2010-12-31')!.row.percentDisclosed).toBe(76);
    const preservation = parsed.rows.find((r) => r.line === 33)!.row;
    // A blank percentage is left out, never read as 0.
    expect(preservation).toEqual({ period: { start: '2014-07-01', end: '2014-12-31' }, country: 'BR', process: 'preservation-request', requests: 24, accounts: 47 });
    expect(new Set(parsed.rows.map((r) => r.row.process))).toEqual(new Set(['all', 'other', 'emergency-request', 'preservation-request']));
  });

  it('reads the 2017 layout (d/m/yy) and imports rows without an account count (format 1.1) without an accounts field', async () => {
    const parsed = await parse('google-user-data-requests-2017-layout-excerpt.csv');
    expect(parsed.layout).toBe('google-2017');
    const first = parsed.rows[0].row;
    expect(first).toMatchObject({ period: { start: '2009-07-01', end: '2009-12-31' }, country: 'FR', process: 'all', requests: 846 });
    // A blank account count is "not published" in early reports: the row counts its requests, never an invented 0.
    expect(first).not.toHaveProperty('accounts');
    expect(parsed.rows.find((r) => r.row.period.end === '2011-06-30' && r.row.process === 'all')?.row).toMatchObject({ requests: 1312, accounts: 1552 });
    expect(parsed.skipped.filter((s) => /Accounts/.test(s.reason))).toEqual([]);
    expect(parsed.rows.length + parsed.skipped.length).toBe(76);
  });

  it('gives every messy row a defined outcome (windows-1252 file)', async () => {
    const decoded = decodeText(bytes('google-2017-layout-messy-cp1252.csv'));
    expect(decoded.encoding).toBe('windows-1252');
    const parsed = await parseRequestsCsv(decoded.text, importTables(), registry);
    const imported = Object.fromEntries(parsed.rows.map((r) => [r.line, r.row]));
    expect(imported[5]).toMatchObject({ country: 'FR', process: 'all', requests: 5665 });
    expect(imported[7]).toMatchObject({ country: 'TR', requests: 87 });
    expect(imported[8]).toMatchObject({ country: 'TR', requests: 95, period: { start: '2017-07-01', end: '2017-12-31' } });
    expect(imported[9]).toMatchObject({ country: 'CI', requests: 2 });
    expect(imported[13]).toMatchObject({ country: 'JP', requests: 168 });
    const reasons = Object.fromEntries(parsed.skipped.map((s) => [s.line, s.reason]));
    expect(Object.keys(reasons).map(Number)).toEqual([6, 10, 11, 12, 14, 15, 16, 17]);
    expect(reasons[6]).toMatch(/United Nations.*no territory/);
    expect(reasons[10]).toBe('every figure is blank');
    expect(reasons[11]).toMatch(/Wiretap Teleportation.*not a known process/);
    expect(reasons[12]).toMatch(/not the last day of a half year/);
    expect(reasons[14]).toMatch(/same period, country and process as line 13/);
    expect(reasons[15]).toMatch(/"twelve" is not a count/);
    expect(reasons[16]).toMatch(/not a percentage/);
    expect(reasons[17]).toMatch(/has 6 fields/);
  });

  it('never adds an All row to its parts in a total', async () => {
    const parsed = await parse('google-2017-layout-messy-cp1252.csv');
    const { byCountry, rows } = aggregateRequests([{ providerId: 'g', rows: parsed.rows.map((r) => r.row) }], { countries: ['FR'] });
    expect(byCountry).toEqual([{ country: 'FR', requests: 5665, accounts: 6585, rows: 1, rowsWithoutAccounts: 0 }]);
    expect(rows.filter((r) => !r.counted).map((r) => r.process).sort()).toEqual(['emergency-request', 'other', 'preservation-request']);
    const parts = aggregateRequests([{ providerId: 'g', rows: parsed.rows.map((r) => r.row) }], { countries: ['FR'], processes: ['other', 'emergency-request', 'preservation-request'] });
    expect(parts.totals).toEqual({ requests: 5665, accounts: 6585, rows: 3, rowsWithoutAccounts: 0 });
  });

  it('recognises the project layout, bands included, and refuses an unknown layout naming the expected headers', async () => {
    const csv = 'period.start,period.end,country,process,requests,accounts\n2023-01-01,2023-06-30,US,national-security-letter,0-499,500-999\n';
    expect((await parseRequestsCsv(csv, importTables(), registry)).rows[0].row).toMatchObject({ requests: { min: 0, max: 499 }, accounts: { min: 500, max: 999 } });
    const error = await parseRequestsCsv('when,where,how many\n1,2,3\n', importTables(), registry).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    const expected = (error as ImportError).extensions.expected as { layout: string; headers: string[] }[];
    expect(expected.map((e) => e.layout)).toEqual(['google-current', 'google-2017', 'atlas']);
    expect(expected[0].headers).toContain('CLDR Territory Code');
  });

  it('leaves preservation requests out of totals unless the filter asks for them', async () => {
    const parsed = await parse('google-user-data-requests-excerpt.csv');
    const sources = [{ providerId: 'g', rows: parsed.rows.map((r) => r.row) }];
    const h2 = { countries: ['DE'], from: '2022-07-01', to: '2022-12-31' };
    const all = aggregateRequests(sources, h2);
    expect(all.totals).toEqual({ requests: 306 + 34627, accounts: 415 + 47553, rows: 2, rowsWithoutAccounts: 0 });
    expect(all.rows.find((r) => r.process === 'preservation-request')).toMatchObject({ requests: 222, counted: false });
    expect(aggregateRequests(sources, { ...h2, processes: ['preservation-request'] }).totals).toEqual({ requests: 222, accounts: 2440, rows: 1, rowsWithoutAccounts: 0 });
    // An all row never stands for preservation requests: asked for both, both count.
    const withAll = aggregateRequests(
      [{ providerId: 'g', rows: [...sources[0].rows, { period: { start: '2022-07-01', end: '2022-12-31' }, country: 'DE', process: 'all', requests: 34933, accounts: 47968 }] }],
      { ...h2, processes: ['all', 'preservation-request', 'other'] },
    );
    expect(withAll.totals).toEqual({ requests: 34933 + 222, accounts: 47968 + 2440, rows: 2, rowsWithoutAccounts: 0 });
  });

  it('skips only the line of a quote that is never closed, and reads on', async () => {
    const csv = [
      'Period Ending,Country/Region,CLDR Territory Code,Legal Process,User Data Requests,Percentage disclosed,Accounts',
      '2020-06-30,"Germany,DE,All,1,2,3',
      '',
      '2020-06-30,"Germany',
      '2020-06-30,France,FR,All,4,5,6',
      '2020-06-30,"Korea, South",,All,"1,234",45%,"2,000"',
      '2020-06-30,CÃ´te dâ€™Ivoire,,All,7,8,9',
      '2020-06-30,"Spain',
      '2020-06-30,Italy,IT,All,1,2,3',
    ].join('\r\n');
    const parsed = await parseRequestsCsv(csv, importTables(), registry);
    // A quote is closed by the next one, wherever it is: lines 2–4 form one record of 2 fields.
    expect(parsed.skipped).toEqual([
      { line: 2, reason: 'has 2 fields, the header has 7' },
      { line: 8, reason: 'not valid CSV: a quote opened on this line is never closed' },
    ]);
    expect(parsed.rows.map((r) => [r.line, r.row.country, r.row.requests])).toEqual([
      [5, 'FR', 4],
      [6, 'KR', 1234],
      [7, 'CI', 7],
      [9, 'IT', 1],
    ]);
  });

  it('gives a record spanning lines the line it starts on, and words each reason once', async () => {
    const csv = 'period.start,period.end,country,process,requests,accounts,categoriesRequested\r\n2020-07-01,2020-06-30,DE,all,1,1,"location,\r\nsubscriber-info"\r\n\r\n2020-01-01,2020-06-30,DE,all,1,1,\r\n';
    const parsed = await parseRequestsCsv(csv, importTables(), registry);
    expect(parsed.skipped).toEqual([{ line: 2, reason: expect.stringMatching(/^period starts \(2020-07-01\) after it ends/) }]);
    expect(parsed.rows.map((r) => r.line)).toEqual([5]);
  });
});
