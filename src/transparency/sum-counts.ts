import type { Count } from '../formats/types.generated.js';
import { countRange } from '../formats/semantic-rules.js';

/** Adds counts: exact while every addend is exact, a `{ min, max }` range once any is banded. */
export function sumCounts(counts: Count[]): Count {
  if (counts.every((c) => typeof c === 'number')) return (counts as number[]).reduce((a, b) => a + b, 0);
  return counts.reduce<{ min: number; max: number }>((sum, c) => {
    const r = countRange(c);
    return { min: sum.min + r.min, max: sum.max + r.max };
  }, { min: 0, max: 0 });
}
