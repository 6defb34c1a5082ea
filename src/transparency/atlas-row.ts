import type { Count, GovernmentRequest } from '../formats/types.generated.js';
import { parseCount, parsePercent } from './count-cell.js';
import type { RowResult } from './google-row.js';

const OUTCOMES = ['contentDisclosed', 'nonContentOnly', 'noDataFound', 'rejected'] as const;

/**
 * One row of the project's own layout (columns named after the fields, as the CSV export
 * of GET /v1/transparency writes them). Codes and ids are taken as written: the schema
 * check that follows refuses anything the format does not accept.
 */
export function readAtlasRow(cells: (column: string) => string): RowResult {
  const requests = parseCount('requests', cells('requests'));
  if (!requests.ok) return requests;
  const accounts = parseCount('accounts', cells('accounts'));
  if (!accounts.ok) return accounts;
  if (requests.value === undefined) return { ok: false, reason: 'requests is blank' };
  const percent = parsePercent('percentDisclosed', cells('percentDisclosed'));
  if (!percent.ok) return percent;

  const outcomes: Partial<Record<(typeof OUTCOMES)[number], Count>> = {};
  for (const name of OUTCOMES) {
    const count = parseCount(`outcomes.${name}`, cells(`outcomes.${name}`));
    if (!count.ok) return count;
    if (count.value !== undefined) outcomes[name] = count.value;
  }
  const categories = cells('categoriesRequested')
    .split(/[;,]/)
    .map((c) => c.trim())
    .filter(Boolean);

  return {
    ok: true,
    row: {
      period: { start: cells('period.start').trim(), end: cells('period.end').trim() },
      country: cells('country').trim().toUpperCase() as GovernmentRequest['country'],
      process: cells('process').trim() as GovernmentRequest['process'],
      requests: requests.value,
      ...(accounts.value === undefined ? {} : { accounts: accounts.value }),
      ...(percent.value === undefined ? {} : { percentDisclosed: percent.value }),
      ...(Object.keys(outcomes).length > 0 ? { outcomes } : {}),
      ...(categories.length > 0 ? { categoriesRequested: categories as GovernmentRequest['categoriesRequested'] } : {}),
    },
  };
}
