import { countRange } from '../formats/semantic-rules.js';
import { pointer } from '../formats/json-pointer.js';
import type { Declaration, ModelParameters } from './types.js';

type Row = NonNullable<Declaration['governmentRequests']>[number];

/**
 * Upper estimates of the share of a row's requests that were complied with: the stated
 * percentage, produced data from the outcome counts, and requests not refused or empty. The
 * lowest available estimate is used, so leaving any figure out can only raise the share.
 */
function rowShare(row: Row): number {
  const requests = countRange(row.requests);
  const estimates: number[] = [];
  if (row.percentDisclosed !== undefined) estimates.push(row.percentDisclosed / 100);
  const o = row.outcomes;
  if (o?.contentDisclosed !== undefined && o.nonContentOnly !== undefined)
    estimates.push((countRange(o.contentDisclosed).max + countRange(o.nonContentOnly).max) / Math.max(1, requests.min));
  if (o?.rejected !== undefined && o.noDataFound !== undefined)
    estimates.push(1 - (countRange(o.rejected).min + countRange(o.noDataFound).min) / Math.max(1, requests.max));
  return estimates.length === 0 ? 1 : Math.min(1, Math.max(0, Math.min(...estimates)));
}

export interface Compliance {
  share: number;
  multiplier: number;
  explanation: string;
  pointers: string[];
}

/**
 * The share of the jurisdiction's requests the provider complied with, averaged over its
 * transparency rows for that country weighted by request count, and the multiplier it gives
 * the compelled pathway. Without figures the share counts as 100%.
 */
export function complianceShare(decl: Declaration, code: string, params: ModelParameters): Compliance {
  let weighted = 0;
  let total = 0;
  const pointers: string[] = [];
  (decl.governmentRequests ?? []).forEach((row, i) => {
    if (row.country !== code) return;
    const r = countRange(row.requests);
    const weight = (r.min + r.max) / 2;
    if (weight <= 0) return;
    weighted += weight * rowShare(row);
    total += weight;
    pointers.push(pointer('governmentRequests', i));
  });
  const share = total > 0 ? weighted / total : 1;
  const floor = params.providerPosture.complianceFloor.value;
  const explanation = total > 0 ? `it complied with about ${Math.round(share * 100)}% of ${code}'s requests in its figures` : `it publishes no request figures for ${code}, so full compliance is assumed`;
  return { share, multiplier: floor + (1 - floor) * share, explanation, pointers: total > 0 ? pointers : ['/governmentRequests'] };
}
