/** A reporting period of a transparency report. */
export interface Period {
  start: string;
  end: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// The 2017 export writes dates as d/m/yy (31/12/09, 30/6/10).
const DAY_MONTH_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `YYYY-MM-DD` from `YYYY-MM-DD` or `d/m/yy` (two-digit years are 20yy), or undefined for
 * anything else, a day the calendar does not have, or a year before 100. Plain arithmetic:
 * an import reads one date per line, hundreds of thousands in a large file.
 */
export function parseReportDate(text: string): string | undefined {
  const value = text.trim();
  let y: number, m: number, d: number;
  const iso = ISO_DATE.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else {
    const dmy = DAY_MONTH_YEAR.exec(value);
    if (!dmy) return undefined;
    [d, m, y] = [Number(dmy[1]), Number(dmy[2]), dmy[3].length === 2 ? 2000 + Number(dmy[3]) : Number(dmy[3])];
  }
  if (y < 100 || m < 1 || m > 12 || d < 1 || d > (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1])) return undefined;
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
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
