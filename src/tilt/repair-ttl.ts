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

const UNITS = ['Y', 'M', 'W', 'D', 'H', 'TM', 'S'] as const;
/** How many of the next smaller unit one unit holds (a month as 30 days, a week as 7): where a fraction goes. */
const DOWN: Record<string, [string, number]> = { Y: ['M', 12], M: ['D', 30], W: ['D', 7], D: ['H', 24], H: ['TM', 60], TM: ['S', 60] };
const DECIMAL = /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** Unit amounts as a duration the schema accepts (weeks folded into days when other parts are present). */
function durationOf(amounts: Record<string, number>): string | undefined {
  const date = (['Y', 'M', 'W', 'D'] as const).filter((u) => amounts[u]).map((u) => `${amounts[u]}${u}`).join('');
  const time = (['H', 'TM', 'S'] as const).filter((u) => amounts[u]).map((u) => `${amounts[u]}${u === 'TM' ? 'M' : u}`).join('');
  const text = `P${date}${time ? `T${time}` : ''}`;
  if (text === 'P') return 'P0D';
  return weeksAsDays(text);
}

/**
 * Decimal fractions, which TILT's own ttl pattern allows (`P0.5Y`, `P1,5D`) and the
 * declaration format does not: each fraction moves down to the next smaller unit
 * (`P0.5Y` → `P6M`, `P1.5D` → `P1DT12H`), rounded there.
 */
function withoutFractions(text: string): string | undefined {
  const m = DECIMAL.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const amounts: Record<string, number> = {};
  UNITS.forEach((u, i) => (amounts[u] = m[i + 1] === undefined ? 0 : Number(m[i + 1].replace(',', '.'))));
  for (const u of UNITS) {
    const whole = Math.floor(amounts[u]);
    const fraction = amounts[u] - whole;
    amounts[u] = whole;
    if (fraction > 0) {
      const [next, factor] = DOWN[u] ?? [u, 1];
      amounts[next] = (amounts[next] ?? 0) + (next === u ? Math.round(fraction) : fraction * factor);
    }
  }
  amounts.S = Math.round(amounts.S);
  return durationOf(amounts);
}

/** Unit words in English and German, as privacy policies write them (`28 Tage`, `10 years`, `6 Monate`). */
const WORDS: [RegExp, string][] = [
  [/^(years?|yrs?|jahre?n?|jahr)$/i, 'Y'],
  [/^(months?|monate?n?|monat)$/i, 'M'],
  [/^(weeks?|wochen?)$/i, 'W'],
  [/^(days?|tage?n?|tag)$/i, 'D'],
  [/^(hours?|hrs?|stunden?)$/i, 'H'],
  [/^(minutes?|mins?|minuten?)$/i, 'TM'],
  [/^(seconds?|secs?|sekunden?)$/i, 'S'],
];

/** "28 Tage", "3 years and 6 months", "1 Jahr, 2 Monate": a duration in words, or undefined when it is anything else. */
function fromWords(text: string): string | undefined {
  const parts = text.toLowerCase().split(/\s*(?:,|\band\b|\bund\b)\s*/).filter(Boolean);
  if (parts.length === 0) return undefined;
  const amounts: Record<string, number> = {};
  for (const part of parts) {
    const m = /^(\d{1,4})\s*([a-zäöü]+)\.?$/.exec(part);
    const unit = m && WORDS.find(([re]) => re.test(m[2]))?.[1];
    if (!m || !unit || amounts[unit] !== undefined) return undefined;
    amounts[unit] = Number(m[1]);
  }
  return durationOf(amounts);
}

/** The longest ttl looked at: twice what the declaration schema accepts, room for a start time or words. */
export const MAX_TTL_LENGTH = 128;

/**
 * A TILT `ttl` as an ISO 8601 duration. Common slips are repaired and reported:
 * lower-case designators (`P14m` → `P14M`, months as ISO reads an M before T), time parts
 * without the T (`P72H` → `PT72H`), a dangling T (`P6MT`), decimal fractions (`P0.5Y` →
 * `P6M`) and durations in words (`28 Tage` → `P28D`); a start time written before the
 * duration is dropped. Anything else (a date, other free text) is refused.
 */
export function repairTtl(ttl: string): TtlResult {
  // Bounded before any pattern runs: several patterns below are linear only on short input
  // (the word split backtracks over a run of spaces), and no duration needs more.
  if (ttl.length > MAX_TTL_LENGTH) return { ok: false, reason: `ttl is ${ttl.length} characters long; a duration has at most ${MAX_TTL_LENGTH}` };
  const text = ttl.trim();
  if (valid(text)) return { ok: true, duration: text };
  // A start time glued to a duration, as TILT's own example writes it
  // ("2020-08-09T18:31:42P3Y6M4DT12H30M17S", or an ISO interval "start/duration"): the duration is the TTL.
  const startAndDuration = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\/?(P[0-9A-Za-z]+)$/.exec(text);
  if (startAndDuration) {
    const inner = repairTtl(startAndDuration[1]);
    if (inner.ok) return { ok: true, duration: inner.duration, repairedFrom: text };
  }
  let fixed = text.toUpperCase().replace(/(?<=\d[YMWD])T$/, '');
  if (/^P[\d\s.,YMWDTHS]+$/.test(fixed)) fixed = fixed.replace(/\s+/g, '');
  const timeWithoutT = /^P((?:\d+[YMWD])*)(\d+H(?:\d+M)?(?:\d+S)?|\d+S)$/.exec(fixed);
  if (timeWithoutT && !fixed.includes('T')) fixed = `P${timeWithoutT[1]}T${timeWithoutT[2]}`;
  fixed = weeksAsDays(fixed);
  if (fixed !== text && valid(fixed)) return { ok: true, duration: fixed, repairedFrom: text };
  for (const candidate of [withoutFractions(fixed), fromWords(text)]) {
    if (candidate !== undefined && valid(candidate)) return { ok: true, duration: candidate, repairedFrom: text };
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return { ok: false, reason: `ttl "${text}" is a point in time, not a duration` };
  return { ok: false, reason: `ttl "${text}" is not an ISO 8601 duration` };
}
