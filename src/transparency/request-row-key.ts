import type { GovernmentRequest } from '../formats/types.generated.js';

/** What identifies a transparency row: the same period, country and process is the same figure. */
export function requestRowKey(row: Pick<GovernmentRequest, 'period' | 'country' | 'process'>): string {
  return `${row.period.start}/${row.period.end}/${row.country}/${row.process}`;
}
