import { describe, expect, test } from '@jest/globals';
import { reconnectDelay, RECONNECT_FIRST_MS, RECONNECT_MAX_MS } from '../../src/store/postgres-change-feed.js';

describe('the change feed reconnects with exponential backoff and full jitter', () => {
  test('the ceiling doubles per attempt up to the cap', () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 7, 30, 1000].map((n) => reconnectDelay(n, () => 1));
    expect(ceilings.slice(0, 6)).toEqual([250, 500, 1000, 2000, 4000, 8000].map((x) => (x * RECONNECT_FIRST_MS) / 250));
    expect(ceilings.slice(6)).toEqual([RECONNECT_MAX_MS, RECONNECT_MAX_MS, RECONNECT_MAX_MS, RECONNECT_MAX_MS]);
  });

  test('each delay is drawn below its ceiling and never below half the first delay', () => {
    for (let n = 0; n < 12; n++) {
      expect(reconnectDelay(n, () => 0)).toBe(RECONNECT_FIRST_MS / 2);
      const d = reconnectDelay(n, () => 0.5);
      expect(d).toBeLessThanOrEqual(reconnectDelay(n, () => 1));
      expect(d).toBeGreaterThanOrEqual(RECONNECT_FIRST_MS / 2);
    }
  });
});
