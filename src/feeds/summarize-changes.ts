import { REGRESSIONS, type Change, type ChangeKind } from '../diff/change.js';
import { describeRetention } from '../findings/describe-retention.js';
import { parsePointer } from '../formats/json-pointer.js';
import type { Declaration } from '../formats/types.generated.js';

/** The category a regression is about ("message-content: "), when the pointer is into one. */
function categoryOf(change: Change, declaration: Declaration | undefined): string {
  const path = parsePointer(change.pointer);
  const category = path[0] === 'dataCategories' ? declaration?.dataCategories[Number(path[1])]?.category : undefined;
  return category ? `${category}: ` : '';
}

/** Plain words for one regression, naming what got worse and how. */
function describeRegression(change: Change, declaration: Declaration | undefined): string {
  const where = change.pointer;
  const what = categoryOf(change, declaration);
  if (change.kind === 'retention-lengthened')
    return `${what}retention lengthened at ${where} (${describeRetention(change.before)} → ${describeRetention(change.after)})`;
  return `${what}protection weakened at ${where} (${String(change.before ?? 'unstated')} → ${String(change.after ?? 'unstated')})`;
}

export interface ChangeSummary {
  text: string;
  regressions: Change[];
}

/**
 * One paragraph for a feed entry: how many changes of each kind, then every regression by
 * name (its category, read from `declaration`, the newer version the pointers lead into).
 */
export function summarizeChanges(changes: Change[], declaration?: Declaration): ChangeSummary {
  if (changes.length === 0) return { text: 'No changes in content since the previous version.', regressions: [] };
  const counts = new Map<ChangeKind, number>();
  for (const c of changes) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  const tally = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([kind, n]) => `${n} ${kind}`).join(', ');
  const regressions = changes.filter((c) => REGRESSIONS.includes(c.kind));
  const text =
    `${changes.length} change${changes.length === 1 ? '' : 's'}: ${tally}.` +
    (regressions.length > 0 ? ` Regressions: ${regressions.map((c) => describeRegression(c, declaration)).join('; ')}.` : '');
  return { text, regressions };
}
