/** A reporting period of a transparency report. */
export interface Period {
  start: string;
  end: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// The 2017 export writes dates as d/m/yy (31/12/09, 30/6/10).
const DAY_MONTH_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;

/** `YYYY-MM-DD` from `YYYY-MM-DD` or `d/m/yy` (two-digit years are 20yy), or undefined. */
export function parseReportDate(text: string): string | undefined {
  const value = text.trim();
  let y: number, m: number, d: number;
  const iso = ISO_DATE.exec(value);
  const dmy = DAY_MONTH_YEAR.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), dmy[3].length === 2 ? 2000 + Number(dmy[3]) : Number(dmy[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * The half year a report names by its last day: 30 June → 1 January to 30 June,
 * 31 December → 1 July to 31 December. Any other day is not a half-year end.
 */
export function halfYearEndingOn(end: string): Period | undefined {
  const [year, monthDay] = [end.slice(0, 4), end.slice(5)];
  if (monthDay === '06-30') return { start: `${year}-01-01`, end };
  if (monthDay === '12-31') return { start: `${year}-07-01`, end };
  return undefined;
}
