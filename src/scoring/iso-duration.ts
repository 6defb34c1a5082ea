/** The durations the declaration schema accepts (ajv-formats `duration`): integers, upper-case designators. */
const PATTERN = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

const DAYS_PER_YEAR = 365;
/** A month is a twelfth of a year, so P12M and P1Y weigh the same. */
const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;

/** Length of an ISO 8601 duration in days (calendar-free: fixed year and month lengths). */
export function durationDays(iso: string): number {
  const m = PATTERN.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) throw new Error(`not an ISO 8601 duration: ${JSON.stringify(iso)}`);
  const n = (i: number) => (m[i] === undefined ? 0 : Number(m[i]));
  return (
    n(1) * DAYS_PER_YEAR + n(2) * DAYS_PER_MONTH + n(3) * 7 + n(4) + n(5) / 24 + n(6) / 1440 + n(7) / 86400
  );
}
