import type { GovernmentRequest } from '../formats/types.generated.js';
import type { GoogleLayout } from './csv-layouts.js';
import { parseCount, parsePercent } from './count-cell.js';
import { halfYearEndingOn, parseReportDate } from './half-year.js';
import type { ImportTables } from './import-tables.js';
import { resolveCountry } from './resolve-country.js';

/**
 * Google published the share of requests where some data was produced from July–December
 * 2010 on (its FAQ); the current export writes 0 for the earlier half-years, which would
 * read as "nothing disclosed". Such a 0 is left out, like a blank.
 */
const PERCENT_PUBLISHED_FROM = '2010-12-31';

export type RowResult = { ok: true; row: GovernmentRequest } | { ok: false; reason: string };

/**
 * One row of a Google user-data-requests export. Every messy case has one outcome:
 * blank figures and unplaceable requesters are refused with a reason, blank
 * percentages are left out, "All" rows are kept as `process: "all"`.
 */
export function readGoogleRow(cells: (column: string) => string, layout: GoogleLayout, tables: ImportTables): RowResult {
  const c = layout.columns;
  const periodText = cells(c.period);
  const end = parseReportDate(periodText);
  if (!end) return { ok: false, reason: `${c.period} "${periodText}" is not a date` };
  const period = halfYearEndingOn(end);
  if (!period) return { ok: false, reason: `${c.period} ${end} is not the last day of a half year (30 June or 31 December)` };

  const label = cells(c.process).trim();
  const process = tables.legalProcesses.get(label.toLowerCase());
  if (!process) return { ok: false, reason: `${c.process} "${label}" is not a known process` };

  const country = resolveCountry(cells(c.code), cells(c.country), tables);
  if (!country.ok) return country;

  const requests = parseCount(c.requests, cells(c.requests));
  if (!requests.ok) return requests;
  const accounts = parseCount(c.accounts, cells(c.accounts));
  if (!accounts.ok) return accounts;
  const percent = parsePercent(c.percent, cells(c.percent));
  if (!percent.ok) return percent;
  if (percent.value === 0 && period.end < PERCENT_PUBLISHED_FROM) percent.value = undefined;
  if (requests.value === undefined && accounts.value === undefined) return { ok: false, reason: 'every figure is blank' };
  if (requests.value === undefined) return { ok: false, reason: `${c.requests} is blank` };

  return {
    ok: true,
    row: {
      period,
      country: country.code as GovernmentRequest['country'],
      process: process as GovernmentRequest['process'],
      requests: requests.value,
      // A blank account count is "not published" (early reports): left out, never read as 0.
      ...(accounts.value === undefined ? {} : { accounts: accounts.value }),
      ...(percent.value === undefined ? {} : { percentDisclosed: percent.value }),
    },
  };
}
