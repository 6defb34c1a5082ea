import type { Count } from '../formats/types.generated.js';
import type { AggregatedRow } from './aggregate-requests.js';

/** A count as the project's CSV layout writes it: `1234`, or `0-249` for a band. */
export const countText = (c: Count | undefined) => (c === undefined ? '' : typeof c === 'number' ? c : `${c.min}-${c.max}`);

/**
 * CSV columns of transparency rows: the project's own import layout plus the provider and
 * whether the row entered the totals, so an export can be imported again as it is.
 */
export const REQUEST_COLUMNS: { header: string; value: (r: AggregatedRow) => unknown }[] = [
  { header: 'providerId', value: (r) => r.providerId },
  { header: 'period.start', value: (r) => r.period.start },
  { header: 'period.end', value: (r) => r.period.end },
  { header: 'country', value: (r) => r.country },
  { header: 'process', value: (r) => r.process },
  { header: 'requests', value: (r) => countText(r.requests) },
  { header: 'accounts', value: (r) => countText(r.accounts) },
  { header: 'percentDisclosed', value: (r) => r.percentDisclosed },
  { header: 'outcomes.contentDisclosed', value: (r) => countText(r.outcomes?.contentDisclosed) },
  { header: 'outcomes.nonContentOnly', value: (r) => countText(r.outcomes?.nonContentOnly) },
  { header: 'outcomes.noDataFound', value: (r) => countText(r.outcomes?.noDataFound) },
  { header: 'outcomes.rejected', value: (r) => countText(r.outcomes?.rejected) },
  { header: 'categoriesRequested', value: (r) => r.categoriesRequested },
  { header: 'counted', value: (r) => r.counted },
];
