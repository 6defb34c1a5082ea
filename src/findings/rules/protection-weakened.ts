import { parsePointer } from '../../formats/json-pointer.js';
import type { CheckResult, FindingContext, Rule } from '../rule.js';

function check({ declaration, changes }: FindingContext): CheckResult[] {
  return changes
    .filter((c) => c.kind === 'protection-weakened')
    .map((c) => {
      const path = parsePointer(c.pointer);
      const category = declaration.dataCategories[Number(path[1])]?.category ?? path[1];
      return {
        message: `${category}: protection ${path[3]} weakened since the previous version, from ${c.before ?? 'unstated'} to ${c.after ?? 'unstated'}`,
        paths: [path],
      };
    });
}

export const protectionWeakened: Rule = {
  id: 'protection-weakened',
  severity: 'warning',
  description: 'Regression: protection in transit or at rest is weaker than the previous version said (end-to-end > transport/provider-managed > none = undisclosed).',
  check,
};
