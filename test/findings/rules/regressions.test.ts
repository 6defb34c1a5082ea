import { describe, expect, it } from '@jest/globals';
import { protectionWeakened } from '../../../src/findings/rules/protection-weakened.js';
import { retentionLengthened } from '../../../src/findings/rules/retention-lengthened.js';
import type { Rule } from '../../../src/findings/rule.js';
import { validDeclaration } from '../../support/service.js';
import { runRule, type RuleCase } from '../rule-harness.js';

function version(mutate: (doc: Record<string, any>) => void) {
  const doc = validDeclaration();
  mutate(doc);
  return doc;
}

const cases: (RuleCase & { rule: Rule })[] = [
  {
    name: 'retention none → fixed',
    rule: retentionLengthened,
    previous: validDeclaration(),
    document: version((d) => (d.dataCategories[1].retention = { kind: 'fixed', duration: 'P90D' })),
    expected: [{ rule: 'retention-lengthened', severity: 'warning', pointers: ['/dataCategories/1/retention'], message: expect.stringContaining('from not kept to P90D') as unknown as string }],
  },
  {
    name: 'a category moved in the list is matched by id',
    rule: retentionLengthened,
    previous: validDeclaration(),
    document: version((d) => {
      d.dataCategories.reverse();
      d.dataCategories[1].retention = { kind: 'indefinite' };
    }),
    expected: [{ pointers: ['/dataCategories/1/retention'], message: expect.stringContaining('subscriber-info') as unknown as string }],
  },
  { name: 'retention shortened', rule: retentionLengthened, previous: version((d) => (d.dataCategories[0].retention = { kind: 'indefinite' })), document: validDeclaration(), expected: [] },
  { name: 'a first version', rule: retentionLengthened, document: validDeclaration(), expected: [] },
  {
    name: 'end-to-end → transport in transit',
    rule: protectionWeakened,
    previous: validDeclaration(),
    document: version((d) => (d.dataCategories[1].protection.inTransit = 'transport')),
    expected: [{ rule: 'protection-weakened', pointers: ['/dataCategories/1/protection/inTransit'] }],
  },
  { name: 'an answer left out counts as undisclosed', rule: protectionWeakened, previous: validDeclaration(), document: version((d) => delete d.dataCategories[0].protection), expected: [{}, {}] },
  { name: 'protection strengthened', rule: protectionWeakened, previous: version((d) => (d.dataCategories[0].protection.atRest = 'none')), document: validDeclaration(), expected: [] },
];

describe('regression rules', () => {
  it.each(cases)('$name', (c) => {
    expect(runRule(c.rule, c)).toEqual(c.expected.map((e) => expect.objectContaining(e)));
  });
});
