import type { Count } from '../formats/types.generated.js';

export type CellResult<T> = { ok: true; value: T | undefined } | { ok: false; reason: string };

const INTEGER = /^\d{1,13}$/;
const GROUPED = /^\d{1,3}(,\d{3})+$/;
const BAND = /^(\d{1,13})\s*[-–—]\s*(\d{1,13})$/;

/** A count cell: blank → undefined, `1234` or `1,234` → number, `0-249` → band. */
export function parseCount(column: string, text: string | undefined): CellResult<Count> {
  const value = (text ?? '').trim();
  if (value === '') return { ok: true, value: undefined };
  if (INTEGER.test(value)) return { ok: true, value: Number(value) };
  if (GROUPED.test(value)) return { ok: true, value: Number(value.replace(/,/g, '')) };
  const band = BAND.exec(value);
  if (band) {
    const [min, max] = [Number(band[1]), Number(band[2])];
    if (min > max) return { ok: false, reason: `${column} "${value}" is a band whose minimum exceeds its maximum` };
    return { ok: true, value: { min, max } };
  }
  return { ok: false, reason: `${column} "${value}" is not a count (a whole number or a band such as 0-249)` };
}

/** A percentage cell: blank → undefined, else a number from 0 to 100 (a trailing % is allowed). */
export function parsePercent(column: string, text: string | undefined): CellResult<number> {
  const value = (text ?? '').trim().replace(/%$/, '').trim();
  if (value === '') return { ok: true, value: undefined };
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || n > 100) return { ok: false, reason: `${column} "${text}" is not a percentage from 0 to 100` };
  return { ok: true, value: n };
}
