import { describe, expect, it } from '@jest/globals';
import { unansweredQuestion } from '../../../src/findings/rules/unanswered-question.js';
import { validDeclaration } from '../../support/service.js';
import { runRule, type RuleCase } from '../rule-harness.js';

function complete() {
  const doc = validDeclaration();
  doc.dataCategories[1].storageLocations = ['LU'];
  doc.thirdParties = [];
  doc.governmentRequests = [];
  doc.legalProcess = { guidelinesUrl: 'https://veritalk.example/law-enforcement', liveInterception: 'not-supported', encryptionDemands: 'refuse-or-withdraw', interceptionStatutes: [], policies: [] };
  for (const c of doc.dataCategories) c.interception ??= [];
  return doc;
}

const pointersOf = (c: RuleCase) => runRule(unansweredQuestion, c).map((f) => f.pointers[0]);

const cases: (RuleCase & { pointers: string[]; taxonomy?: string[] })[] = [
  { name: 'a complete declaration', document: complete(), expected: [], pointers: [] },
  {
    name: 'the sample declaration leaves several questions open, one finding each',
    document: validDeclaration(),
    expected: [],
    pointers: ['/dataCategories/0/interception', '/dataCategories/1/storageLocations', '/governmentRequests', '/legalProcess/encryptionDemands', '/legalProcess/guidelinesUrl', '/legalProcess/interceptionStatutes', '/legalProcess/policies', '/thirdParties'],
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
    name: 'format 1.1 questions: unlisted categories (with the taxonomy given), a party that may ship the client, encryption demands',
    document: (() => {
      const d = complete();
      d.thirdParties = [{ id: 'cn-licensee', name: 'Licensee', relationship: 'licensee', jurisdiction: 'CN', categories: ['subscriber-info'], capabilities: [] }];
      d.legalProcess.encryptionDemands = 'undisclosed';
      return d;
    })(),
    taxonomy: ['subscriber-info', 'message-content', 'call-content'],
    expected: [],
    pointers: ['/dataCategories', '/legalProcess/encryptionDemands', '/thirdParties/0/distributesClient'],
  },
  {
    name: 'ask 3 and the guidelines: a category with no interception list, a legal process with no guidelines URL',
    document: (() => {
      const d = complete();
      delete d.dataCategories[0].interception;
      delete d.legalProcess.guidelinesUrl;
      return d;
    })(),
    expected: [],
    pointers: ['/dataCategories/0/interception', '/legalProcess/guidelinesUrl'],
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
