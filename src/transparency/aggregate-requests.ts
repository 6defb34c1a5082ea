import type { Count, GovernmentRequest } from '../formats/types.generated.js';
import { sumCounts } from './sum-counts.js';

export interface ProviderRows {
  providerId: string;
  rows: GovernmentRequest[];
}

export interface RequestFilter {
  providers?: string[];
  countries?: string[];
  processes?: string[];
  /** Periods by their last day. */
  periods?: string[];
  /** Only periods that start on or after this date. */
  from?: string;
  /** Only periods that end on or before this date. */
  to?: string;
}

export interface AggregatedRow extends GovernmentRequest {
  providerId: string;
  /**
   * False when an `all` row of the same provider, period and country already holds this
   * figure, or when the row is a preservation request and the filter does not ask for them.
   */
  counted: boolean;
}

/**
 * Processes reported beside the request totals, not inside them: a preservation request
 * only asks the provider to set data aside, and providers leave it out of their published
 * per-country totals (Google: "We do not include preservation requests in request totals
 * for each country"). Such rows are totalled only when `process` names them, and an `all`
 * row never stands for them.
 */
export const OUTSIDE_TOTALS: ReadonlySet<string> = new Set(['preservation-request']);

export interface Totals {
  requests: Count;
  /** Sum over the counted rows that give an account count. */
  accounts: Count;
  /** Counted rows without an account count (not published): `accounts` is then a lower bound. */
  rowsWithoutAccounts: number;
  /** Rows that entered the totals. */
  rows: number;
}

export interface Aggregation {
  totals: Totals;
  byCountry: ({ country: string } & Totals)[];
  rows: AggregatedRow[];
}

const matches = (row: GovernmentRequest, f: RequestFilter) =>
  (!f.countries?.length || f.countries.includes(row.country)) &&
  (!f.processes?.length || f.processes.includes(row.process)) &&
  (!f.periods?.length || f.periods.includes(row.period.end)) &&
  (!f.from || row.period.start >= f.from) &&
  (!f.to || row.period.end <= f.to);

/**
 * Which rows a total may add. Within one provider, period and country, an `all` row is the
 * published total of its parts: when it is present it alone is counted, otherwise the
 * parts are summed. So a total never holds the same request twice. Preservation requests
 * (OUTSIDE_TOTALS) count only when the filter names their process.
 */
function markCounted(rows: AggregatedRow[], filter: RequestFilter): void {
  const withAll = new Set(rows.filter((r) => r.process === 'all').map(groupKey));
  for (const row of rows) {
    if (OUTSIDE_TOTALS.has(row.process)) row.counted = filter.processes?.includes(row.process) ?? false;
    else row.counted = row.process === 'all' || !withAll.has(groupKey(row));
  }
}

const groupKey = (r: AggregatedRow) => `${r.providerId}/${r.period.start}/${r.period.end}/${r.country}`;

function totalsOf(rows: AggregatedRow[]): Totals {
  const counted = rows.filter((r) => r.counted);
  return { requests: sumCounts(counted.map((r) => r.requests)), accounts: sumCounts(counted.flatMap((r) => (r.accounts === undefined ? [] : [r.accounts]))), rowsWithoutAccounts: counted.filter((r) => r.accounts === undefined).length, rows: counted.length };
}

const order = (a: AggregatedRow, b: AggregatedRow) =>
  a.providerId.localeCompare(b.providerId) ||
  a.period.end.localeCompare(b.period.end) ||
  a.period.start.localeCompare(b.period.start) ||
  a.country.localeCompare(b.country) ||
  a.process.localeCompare(b.process);

/** Filters every provider's transparency rows and totals them (pure). */
export function aggregateRequests(sources: ProviderRows[], filter: RequestFilter): Aggregation {
  const rows: AggregatedRow[] = sources
    .filter((s) => !filter.providers?.length || filter.providers.includes(s.providerId))
    .flatMap((s) => s.rows.filter((r) => matches(r, filter)).map((r) => ({ providerId: s.providerId, ...r, counted: true })))
    .sort(order);
  markCounted(rows, filter);
  const countries = [...new Set(rows.map((r) => r.country))].sort();
  return {
    totals: totalsOf(rows),
    byCountry: countries.map((country) => ({ country, ...totalsOf(rows.filter((r) => r.country === country)) })),
    rows,
  };
}
