import type { Retention } from '../formats/types.generated.js';

const DURATION = /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;
const NAMES = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];

/** An ISO 8601 duration as people say it: `P18M` → "18 months", `P1Y6M` → "1 year and 6 months". */
export function durationInWords(duration: string): string {
  const match = DURATION.exec(duration);
  if (!match) return duration;
  const parts = NAMES.flatMap((name, i) => {
    const value = match[i + 1];
    if (value === undefined) return [];
    const n = Number(value.replace(',', '.'));
    return [`${value.replace(',', '.')} ${name}${n === 1 ? '' : 's'}`];
  });
  if (parts.length === 0) return duration;
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

const EVENTS: Record<string, string> = {
  'account-deletion': 'until the account is deleted',
  'purpose-fulfilled': 'until its purpose is fulfilled',
  'legal-hold-ends': 'until a legal hold ends',
};

/**
 * A retention policy in words ("18 months", "until the account is deleted, then 30 days").
 * Undefined for an undisclosed or missing answer: the caller shows silence as silence.
 */
export function retentionInWords(retention: Retention | undefined): string | undefined {
  if (!retention) return undefined;
  switch (retention.kind) {
    case 'none':
      return 'not kept beyond the session';
    case 'fixed':
      return durationInWords(retention.duration);
    case 'until-event': {
      const until = EVENTS[retention.event] ?? `until ${retention.event}`;
      return retention.after ? `${until}, then ${durationInWords(retention.after)}` : until;
    }
    case 'indefinite':
      return 'indefinitely';
    default:
      return undefined;
  }
}
