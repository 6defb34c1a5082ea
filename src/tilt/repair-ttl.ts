import { durationDays } from '../scoring/iso-duration.js';

export type TtlResult = { ok: true; duration: string; repairedFrom?: string } | { ok: false; reason: string };

const valid = (d: string) => {
  try {
    durationDays(d);
    return true;
  } catch {
    return false;
  }
};

/**
 * A TILT `ttl` as an ISO 8601 duration. Two common slips are repaired and reported:
 * lower-case designators (`P14m` → `P14M`, months as ISO reads an M before T) and time
 * parts without the T (`P72H` → `PT72H`). Anything else (a date, free text) is refused.
 */
export function repairTtl(ttl: string): TtlResult {
  const text = ttl.trim();
  if (valid(text)) return { ok: true, duration: text };
  let fixed = text.toUpperCase();
  const timeWithoutT = /^P((?:\d+[YMWD])*)(\d+H(?:\d+M)?(?:\d+S)?|\d+S)$/.exec(fixed);
  if (timeWithoutT && !fixed.includes('T')) fixed = `P${timeWithoutT[1]}T${timeWithoutT[2]}`;
  if (fixed !== text && valid(fixed)) return { ok: true, duration: fixed, repairedFrom: text };
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return { ok: false, reason: `ttl "${text}" is a point in time, not a duration` };
  return { ok: false, reason: `ttl "${text}" is not an ISO 8601 duration` };
}
