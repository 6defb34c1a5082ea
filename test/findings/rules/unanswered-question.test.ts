import { describe, expect, it } from '@jest/globals';
import { unansweredQuestion } from '../../../src/findings/rules/unanswered-question.js';
import { validDeclaration } from '../../support/service.js';
import { runRule, type RuleCase } from '../rule-harness.js';

function complete() {
  const doc = validDeclaration();
  doc.dataCategories[1].storageLocations = ['LU'];
  doc.thirdParties = [];
  doc.governmentRequests = [];
  doc.legalProcess = { liveInterception: 'not-supported', interceptionStatutes: [], policies: [] };
  return doc;
}

const pointersOf = (c: RuleCase) => runRule(unansweredQuestion, c).map((f) => f.pointers[0]);

const cases: (RuleCase & { pointers: string[] })[] = [
  { name: 'a complete declaration', document: complete(), expected: [], pointers: [] },
  {
    name: 'the sample declaration leaves several questions open, one finding each',
    document: validDeclaration(),
    expected: [],
    pointers: ['/dataCategories/1/storageLocations', '/governmentRequests', '/legalProcess/interceptionStatutes', '/legalProcess/policies', '/thirdParties'],
  },
  {
    name: '"undisclosed" answers',
    document: (() => {
      const d = complete();
      d.dataCategories[0].retention = { kind: 'undisclosed' };
      d.dataCategories[1].protection.atRest = 'undisclosed';
      d.legalProcess.liveInterception = 'undisclosed';
      d.provider.headquarters = 'undisclosed';
      return d;
    })(),
    expected: [],
    pointers: ['/dataCategories/0/retention', '/dataCategories/1/protection/atRest', '/legalProcess/liveInterception', '/provider/headquarters'],
  },
  {
    name: 'a category not collected needs no retention',
    document: (() => {
      const d = complete();
      d.dataCategories[1] = { category: 'message-content', collected: 'no' };
      return d;
    })(),
    expected: [],
    pointers: [],
  },
];

describe('rule unanswered-question', () => {
  it.each(cases)('$name', (c) => {
    expect(pointersOf(c)).toEqual(c.pointers);
    expect(runRule(unansweredQuestion, c).every((f) => f.severity === 'warning' && f.message.startsWith('unanswered'))).toBe(true);
  });
});
