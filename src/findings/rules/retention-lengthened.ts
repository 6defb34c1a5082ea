import { parsePointer } from '../../formats/json-pointer.js';
import type { CheckResult, FindingContext, Rule } from '../rule.js';
import { describeRetention } from '../describe-retention.js';

function check({ declaration, changes }: FindingContext): CheckResult[] {
  return changes
    .filter((c) => c.kind === 'retention-lengthened')
    .map((c) => {
      const path = parsePointer(c.pointer);
      const category = declaration.dataCategories[Number(path[1])]?.category ?? path[1];
      return {
        message: `${category}: retention lengthened since the previous version, from ${describeRetention(c.before)} to ${describeRetention(c.after)}`,
        paths: [path],
      };
    });
}

export const retentionLengthened: Rule = {
  id: 'retention-lengthened',
  severity: 'warning',
  description: 'Regression: a category is kept longer than the previous version said (none < fixed < until an event < indefinite = undisclosed).',
  check,
};
