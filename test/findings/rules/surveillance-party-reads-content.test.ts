import { describe, expect, it } from '@jest/globals';
import { surveillancePartyReadsContent } from '../../../src/findings/rules/surveillance-party-reads-content.js';
import { validDeclaration } from '../../support/service.js';
import { runRule, type RuleCase } from '../rule-harness.js';

function withParty(party: object) {
  const doc = validDeclaration();
  doc.thirdParties = [{ id: 'harmless', name: 'Harmless', relationship: 'processor', categories: ['subscriber-info'] }, { id: 'op', name: 'Local Operator', relationship: 'licensee', ...party }];
  return doc;
}

const cases: RuleCase[] = [
  {
    name: 'licensee with censorship and access to message content',
    document: withParty({ jurisdiction: 'CN', categories: ['subscriber-info', 'message-content'], capabilities: ['censorship'] }),
    expected: [{ severity: 'info', kind: 'disclosure', jurisdiction: 'CN', pointers: ['/thirdParties/1/capabilities/0', '/thirdParties/1/categories/1'] }],
  },
  { name: 'capabilities but no content', document: withParty({ categories: ['subscriber-info'], capabilities: ['bulk-access'] }), expected: [] },
  { name: 'content but no capability', document: withParty({ categories: ['message-content'], capabilities: [] }), expected: [] },
  { name: 'capabilities undisclosed (a gap, not this rule)', document: withParty({ categories: ['message-content'], capabilities: 'undisclosed' }), expected: [] },
];

describe('rule surveillance-party-reads-content', () => {
  it.each(cases)('$name', (c) => {
    expect(runRule(surveillancePartyReadsContent, c)).toEqual(c.expected.map((e) => expect.objectContaining(e)));
  });
});
