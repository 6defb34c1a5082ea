import type { Retention } from '../formats/types.generated.js';

/** A retention in words, for messages and feed summaries. */
export function describeRetention(value: unknown): string {
  const r = value as Retention | undefined;
  if (!r) return 'unstated';
  switch (r.kind) {
    case 'none':
      return 'not kept';
    case 'fixed':
      return r.duration;
    case 'until-event':
      return `until ${r.event}${r.after ? ` + ${r.after}` : ''}`;
    default:
      return r.kind;
  }
}
