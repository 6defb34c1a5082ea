import { REGRESSIONS, type Change, type ChangeKind } from '../diff/change.js';
import { describeRetention } from '../findings/describe-retention.js';

/** Plain words for one regression, naming what got worse and how. */
function describeRegression(change: Change): string {
  const where = change.pointer;
  if (change.kind === 'retention-lengthened')
    return `retention lengthened at ${where} (${describeRetention(change.before)} → ${describeRetention(change.after)})`;
  return `protection weakened at ${where} (${String(change.before ?? 'unstated')} → ${String(change.after ?? 'unstated')})`;
}

export interface ChangeSummary {
  text: string;
  regressions: Change[];
}

/** One paragraph for a feed entry: how many changes of each kind, then every regression by name. */
export function summarizeChanges(changes: Change[]): ChangeSummary {
  if (changes.length === 0) return { text: 'No changes in content since the previous version.', regressions: [] };
  const counts = new Map<ChangeKind, number>();
  for (const c of changes) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  const tally = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([kind, n]) => `${n} ${kind}`).join(', ');
  const regressions = changes.filter((c) => REGRESSIONS.includes(c.kind));
  const text =
    `${changes.length} change${changes.length === 1 ? '' : 's'}: ${tally}.` +
    (regressions.length > 0 ? ` Regressions: ${regressions.map(describeRegression).join('; ')}.` : '');
  return { text, regressions };
}
