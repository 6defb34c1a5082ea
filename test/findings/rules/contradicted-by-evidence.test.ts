import { describe, expect, it } from '@jest/globals';
import { contradictedByEvidence } from '../../../src/findings/rules/contradicted-by-evidence.js';
import type { Finding, ObservedFact } from '../../../src/findings/rule.js';
import { runRules } from '../../../src/findings/run-rules.js';
import { loadSchemaRegistry } from '../../../src/formats/schema-registry.js';
import type { Declaration } from '../../../src/formats/types.generated.js';
import { checkObservation } from '../../../src/observations/check-observation.js';
import { observationBody, sampleDeclaration, SOURCE } from '../../observations/fixtures.js';

const registry = loadSchemaRegistry();

function fact(pointer: string, value: unknown, responses: ObservedFact['responses'] = []): ObservedFact {
  const { observation, place } = checkObservation(registry, observationBody(pointer, value));
  return { ...observation, id: 7, providerId: 'veritalk', organisation: 'Open Rights Lab', place, responses };
}

interface Case {
  name: string;
  document?: Declaration;
  observation: ObservedFact;
  expected: Partial<Finding>[];
}

const withoutThirdParties = () => {
  const d = sampleDeclaration();
  delete d.thirdParties;
  return d;
};
const answer = { statement: 'The feature was removed in 2013.', sources: [] };

const cases: Case[] = [
  {
    name: 'live interception declared not supported, evidence says supported',
    observation: fact('/legalProcess/liveInterception', 'supported'),
    expected: [{ severity: 'error', pointers: ['/legalProcess/liveInterception'] }],
  },
  {
    name: 'a licensee declared without capabilities that evidence says filters keywords',
    observation: fact('/thirdParties/cn-licensee/capabilities', ['keyword-filtering']),
    expected: [{ pointers: ['/thirdParties/0/capabilities'] }],
  },
  {
    name: 'a party missing from a complete third-party list',
    observation: fact('/thirdParties/-', { id: 'tom-online', name: 'TOM Online', relationship: 'licensee' }),
    expected: [{ pointers: ['/thirdParties'] }],
  },
  {
    name: 'a category declared not collected, evidence of its retention',
    observation: fact('/dataCategories/location/retention', { kind: 'indefinite' }),
    expected: [{ pointers: ['/dataCategories/2/collected'] }],
  },
  {
    name: 'one field of an object differs',
    observation: fact('/dataCategories/message-content/protection', { atRest: 'provider-managed' }),
    expected: [{ pointers: ['/dataCategories/1/protection'] }],
  },
  { name: 'evidence that confirms the declaration', observation: fact('/legalProcess/liveInterception', 'not-supported'), expected: [] },
  { name: 'evidence that answers an undisclosed question', observation: fact('/legalProcess/interceptionStatutes/CALEA@US/position', 'subject'), expected: [] },
  { name: 'evidence about a category the declaration does not list', observation: fact('/dataCategories/call-content/retention', { kind: 'indefinite' }), expected: [] },
  { name: 'a party when the declaration leaves the list out', document: withoutThirdParties(), observation: fact('/thirdParties/-', { id: 'tom-online', name: 'TOM Online', relationship: 'licensee' }), expected: [] },
  { name: 'a party the declaration no longer lists', document: withoutThirdParties(), observation: fact('/thirdParties/cn-licensee/capabilities', ['censorship']), expected: [] },
];

const run = (c: Case) =>
  runRules([contradictedByEvidence], { declaration: c.document ?? sampleDeclaration(), changes: [], jurisdictions: [], contentCategories: new Set(), observations: [c.observation] });

describe('rule contradicted-by-evidence', () => {
  it.each(cases)('$name', (c) => {
    expect(run(c)).toEqual(c.expected.map((e) => expect.objectContaining(e)));
  });

  it('carries pointers to both sides, the sources and the responses', () => {
    const [finding] = run({ name: '', observation: fact('/legalProcess/liveInterception', 'supported', [answer]), expected: [] });
    expect(finding.pointers).toEqual(['/legalProcess/liveInterception']);
    expect(finding.evidence).toEqual({
      observation: 7,
      pointer: '/legalProcess/liveInterception',
      location: '/v1/providers/veritalk/observations/7',
      organisation: 'Open Rights Lab',
      statement: 'Seen.',
      declared: 'not-supported',
      observed: 'supported',
      sources: [SOURCE],
      responses: [answer],
    });
    expect(finding.message).toMatch(/Open Rights Lab observed "supported".*declaration says "not-supported".*answered \(1\)/);
  });
});
