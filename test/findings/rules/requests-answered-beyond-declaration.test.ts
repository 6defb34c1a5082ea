import { describe, expect, it } from '@jest/globals';
import { requestsAnsweredBeyondDeclaration } from '../../../src/findings/rules/requests-answered-beyond-declaration.js';
import { validDeclaration } from '../../support/service.js';
import { runRule, type RuleCase } from '../rule-harness.js';

const row = (extra: object) => ({ period: { start: '2023-01-01', end: '2023-06-30' }, country: 'DE', process: 'search-warrant', requests: 10, accounts: 12, ...extra });

function withRows(rows: object[], mutate: (doc: Record<string, any>) => void = () => undefined) {
  const doc = validDeclaration(); // message-content is retained "none"
  doc.governmentRequests = rows;
  mutate(doc);
  return doc;
}

const cases: RuleCase[] = [
  {
    name: 'content disclosed while every content category is not kept',
    document: withRows([row({}), row({ country: 'FR', outcomes: { contentDisclosed: 3 } })]),
    expected: [{ severity: 'error', pointers: ['/dataCategories/1', '/governmentRequests/1/outcomes/contentDisclosed'] }],
  },
  {
    name: 'content disclosed, content not collected',
    document: withRows([row({ outcomes: { contentDisclosed: { min: 1, max: 249 } } })], (d) => {
      d.dataCategories[1] = { category: 'message-content', collected: 'no' };
    }),
    expected: [{ message: expect.stringContaining('message-content is not collected') as unknown as string }],
  },
  {
    name: 'data produced for a category the declaration says is not kept',
    document: withRows([row({ categoriesRequested: ['message-content'], percentDisclosed: 40 })]),
    expected: [{ pointers: ['/dataCategories/1', '/governmentRequests/0/categoriesRequested/0'] }],
  },
  { name: 'content disclosed and content kept', document: withRows([row({ outcomes: { contentDisclosed: 3 } })], (d) => (d.dataCategories[1].retention = { kind: 'fixed', duration: 'P30D' })), expected: [] },
  { name: 'a band that may be zero', document: withRows([row({ outcomes: { contentDisclosed: { min: 0, max: 249 } } })]), expected: [] },
  { name: 'requested but nothing produced', document: withRows([row({ categoriesRequested: ['message-content'], percentDisclosed: 0 })]), expected: [] },
  {
    name: 'content of a wiretap order comes live: "not kept" is no contradiction',
    document: withRows([row({ process: 'wiretap-order', outcomes: { contentDisclosed: 3 } })]),
    expected: [],
  },
  {
    name: 'live interception supported: "not kept" is no contradiction for any process',
    document: withRows([row({ outcomes: { contentDisclosed: 3 } })], (d) => (d.legalProcess.liveInterception = 'supported')),
    expected: [],
  },
  {
    name: 'a wiretap order answered with content declared not collected still contradicts',
    document: withRows([row({ process: 'wiretap-order', outcomes: { contentDisclosed: 3 } })], (d) => {
      d.dataCategories[1] = { category: 'message-content', collected: 'no' };
    }),
    expected: [{ pointers: ['/dataCategories/1', '/governmentRequests/0/outcomes/contentDisclosed'] }],
  },
  { name: 'one requested category is kept', document: withRows([row({ categoriesRequested: ['message-content', 'subscriber-info'], percentDisclosed: 40 })]), expected: [] },
];

describe('rule requests-answered-beyond-declaration', () => {
  it.each(cases)('$name', (c) => {
    expect(runRule(requestsAnsweredBeyondDeclaration, c)).toEqual(c.expected.map((e) => expect.objectContaining(e)));
  });
});
