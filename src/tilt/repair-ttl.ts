import { durationDays } from '../scoring/iso-duration.js';

export type TtlResult = { ok: true; duration: string; repairedFrom?: string } | { ok: false; reason: string };

// What the declaration schema accepts (ajv-formats `duration`, maxLength 64): weeks only on their own.
const SCHEMA_DURATION = /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/;

const valid = (d: string) => {
  if (d.length > 64 || !SCHEMA_DURATION.test(d)) return false;
  try {
    durationDays(d);
    return true;
  } catch {
    return false;
  }
};

/** `P2W3D` (weeks beside other parts, which the schema refuses) as `P17D`. */
function weeksAsDays(text: string): string {
  const m = /^P(\d+Y)?(\d+M)?(\d+)W(?:(\d+)D)?(T.*)?$/.exec(text);
  if (!m || (!m[1] && !m[2] && !m[4] && !m[5])) return text;
  return `P${m[1] ?? ''}${m[2] ?? ''}${Number(m[3]) * 7 + Number(m[4] ?? 0)}D${m[5] ?? ''}`;
}

/**
 * A TILT `ttl` as an ISO 8601 duration. Two common slips are repaired and reported:
 * lower-case designators (`P14m` → `P14M`, months as ISO reads an M before T) and time
 * parts without the T (`P72H` → `PT72H`); a start time written before the duration is
 * dropped. Anything else (a date, free text) is refused.
 */
export function repairTtl(ttl: string): TtlResult {
  const text = ttl.trim();
  if (valid(text)) return { ok: true, duration: text };
  // A start time glued to a duration, as TILT's own example writes it
  // ("2020-08-09T18:31:42P3Y6M4DT12H30M17S", or an ISO interval "start/duration"): the duration is the TTL.
  const startAndDuration = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\/?(P[0-9A-Za-z]+)$/.exec(text);
  if (startAndDuration) {
    const inner = repairTtl(startAndDuration[1]);
    if (inner.ok) return { ok: true, duration: inner.duration, repairedFrom: text };
  }
  let fixed = text.toUpperCase();
  const timeWithoutT = /^P((?:\d+[YMWD])*)(\d+H(?:\d+M)?(?:\d+S)?|\d+S)$/.exec(fixed);
  if (timeWithoutT && !fixed.includes('T')) fixed = `P${timeWithoutT[1]}T${timeWithoutT[2]}`;
  fixed = weeksAsDays(fixed);
  if (fixed !== text && valid(fixed)) return { ok: true, duration: fixed, repairedFrom: text };
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return { ok: false, reason: `ttl "${text}" is a point in time, not a duration` };
  return { ok: false, reason: `ttl "${text}" is not an ISO 8601 duration` };
}
