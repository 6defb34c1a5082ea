import type { Count } from './types.generated.js';

/** A count as a range: exact counts have min = max; banded figures ("0–249") are `{ min, max }`. */
export function countRange(count: Count): { min: number; max: number } {
  return typeof count === 'number' ? { min: count, max: count } : { min: count.min, max: count.max };
}
