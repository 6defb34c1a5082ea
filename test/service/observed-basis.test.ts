import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import type { Declaration } from '../../src/formats/types.generated.js';
import { checkObservation } from '../../src/observations/check-observation.js';
import type { PlacedObservation } from '../../src/observations/apply-observations.js';
import { undeclaredBase } from '../../src/observations/undeclared-base.js';
import { projectRoot } from '../../src/paths.js';
import { loadJurisdictions } from '../../src/policies/load-jurisdictions.js';
import { loadModelParameters } from '../../src/policies/load-model-parameters.js';
import type { Cell } from '../../src/scoring/index.js';
import { scoreAsObserved } from '../../src/service/observed-exposure.js';

const registry = loadSchemaRegistry();
// Four profiles keep each scoring fast; the properties hold cell by cell, whatever the set.
const policy = { jurisdictions: loadJurisdictions(registry).filter((j) => ['US', 'CN', 'LU', 'GB'].includes(j.code)), params: loadModelParameters(registry) };
const options = { lawDate: '2026-01-01' };
const tandem = JSON.parse(readFileSync(path.join(projectRoot, 'policies/providers/tandem-voice.json'), 'utf8')) as Declaration;
const CATEGORIES = (registry.schema('common') as { $defs: { categoryId: { enum: string[] } } }).$defs.categoryId.enum;

let next = 1;
function placed(pointer: string, value: unknown, declaration?: Declaration): PlacedObservation {
  const body = { pointer, value, statement: 'Observed.', observedAt: '2013-07-11', sources: [{ url: 'https://example.org/report', title: 'Report' }] };
  const { place } = checkObservation(registry, body, declaration);
  return { id: next++, observedAt: body.observedAt, pointer, value, place };
}

const RETENTIONS = [{ kind: 'none' }, { kind: 'fixed', duration: 'P30D' }, { kind: 'fixed', duration: 'P2Y' }, { kind: 'until-event', event: 'account-deletion' }, { kind: 'indefinite' }];
const LOCATIONS = [['LU'], ['CN'], ['US', 'CN'], ['GB']];

/** Questions the sample leaves unanswered ("undisclosed" or left out), and answers the format allows there. */
const UNANSWERED_IN_TANDEM: [string, unknown[]][] = [
  ['/legalProcess/liveInterception', ['supported', 'not-supported']],
  ['/legalProcess/encryptionDemands', ['refuse-or-withdraw', 'comply']],
  ['/legalProcess/interceptionStatutes/CALEA@US/position', ['subject', 'not-subject']],
  ['/dataCategories/connection-logs/retention', RETENTIONS],
  ['/dataCategories/message-metadata/retention', RETENTIONS],
  ['/dataCategories/device-identifiers/retention', RETENTIONS],
  ['/dataCategories/message-content/storageLocations', LOCATIONS],
  ['/dataCategories/connection-logs/protection/atRest', ['end-to-end', 'provider-managed', 'none']],
  ['/dataCategories/call-content/interception/provider/capability', ['observe', 'retain', 'none']],
  ['/dataCategories/location/collected', ['yes', 'no']],
  ['/dataCategories/stored-files/collected', ['yes', 'no']],
  ['/thirdParties/pstn-interconnect/capabilities', [[], ['bulk-access'], ['live-interception', 'content-retention']]],
  ['/thirdParties/pstn-interconnect/jurisdiction', ['US', 'CN', 'LU']],
  ['/thirdParties/jade-harbor-online/distributesClient', [true, false]],
];

/** Questions answered in the sample, for observations that confirm what is declared. */
const ANSWERED_IN_TANDEM = [
  '/legalProcess/guidelinesUrl',
  '/dataCategories/subscriber-info/retention',
  '/dataCategories/message-content/retention',
  '/dataCategories/message-content/protection/inTransit',
  '/dataCategories/message-content/interception/third-party/capability',
  '/thirdParties/jade-harbor-online/capabilities',
  '/thirdParties/card-processor',
  '/legalProcess/interceptionStatutes/CALEA@US',
  '/provider/headquarters',
];

const cellKey = (c: Cell) => `${c.category}|${c.jurisdiction}`;

/** Every cell of `inner` lies within the same cell of `outer`: established no lower, worst case no higher. */
function expectWithin(outer: Cell[], inner: Cell[]) {
  const byKey = new Map(outer.map((c) => [cellKey(c), c]));
  const widened = inner.filter((c) => {
    const o = byKey.get(cellKey(c))!;
    return c.established < o.established || c.worstCase > o.worstCase;
  });
  expect(widened.map((c) => `${cellKey(c)} ${byKey.get(cellKey(c))!.established}-${byKey.get(cellKey(c))!.worstCase} → ${c.established}-${c.worstCase}`)).toEqual([]);
}

/** A set of distinct unanswered questions with one allowed answer each. */
const disclosures = (questions: [string, unknown[]][]) =>
  fc.uniqueArray(fc.integer({ min: 0, max: questions.length - 1 }), { minLength: 1, maxLength: 3 }).chain((picked) =>
    fc.tuple(...picked.map((i) => fc.constantFrom(...questions[i][1]).map((value) => [questions[i][0], value] as const))),
  );

describe('the observed basis', () => {
  const declared = scoreAsObserved(tandem, [], policy, options).result;

  it('an observation that confirms a declared value changes nothing', () => {
    const current = structuredClone(tandem);
    fc.assert(
      fc.property(fc.constantFrom(...ANSWERED_IN_TANDEM), (pointer) => {
        const tokens = pointer.split('/').slice(1);
        // Read the declared value through the same key addressing the observation uses.
        const value = tokens.reduce<unknown>((node, token) => {
          if (Array.isArray(node)) return node.find((item) => [item.category, item.id, item.party, `${item.statute}@${item.jurisdiction}`].includes(token));
          return (node as Record<string, unknown>)[token];
        }, current);
        const observed = scoreAsObserved(tandem, [placed(pointer, value, tandem)], policy, options);
        expect(observed.applied).toHaveLength(1);
        expect(observed.declaration).toEqual(tandem);
        expect(observed.result.cells).toEqual(declared.cells);
      }),
      { numRuns: ANSWERED_IN_TANDEM.length },
    );
  });

  it('observations that only answer unanswered questions never widen a range', () => {
    fc.assert(
      fc.property(disclosures(UNANSWERED_IN_TANDEM), (answers) => {
        const observed = scoreAsObserved(tandem, answers.map(([pointer, value]) => placed(pointer, value, tandem)), policy, options);
        expect(observed.applied).toHaveLength(answers.length);
        expectWithin(declared.cells, observed.result.cells);
      }),
      { numRuns: 40 },
    );
  });

  it('for a provider that never declared, evidence only narrows the wide ranges of silence', () => {
    const base = undeclaredBase({ providerId: 'silent-chat', name: 'Silent Chat', asOf: '2013-07-11', categories: CATEGORIES });
    const silent = scoreAsObserved(base, [], policy, options).result;
    const questions: [string, unknown[]][] = [
      ['/legalProcess/liveInterception', ['supported', 'not-supported']],
      ['/dataCategories/message-content/collected', ['yes', 'no']],
      ['/dataCategories/message-content/retention', RETENTIONS],
      ['/dataCategories/call-metadata/storageLocations', LOCATIONS],
      ['/provider/headquarters', ['US', 'CN', 'LU']],
    ];
    fc.assert(
      fc.property(disclosures(questions), (answers) => {
        const observed = scoreAsObserved(base, answers.map(([pointer, value]) => placed(pointer, value)), policy, options);
        expectWithin(silent.cells, observed.result.cells);
      }),
      { numRuns: 25 },
    );
  });

  it('a contradicting observation replaces the declared fact (a longer retention: worst case no lower)', () => {
    const observed = scoreAsObserved(tandem, [placed('/dataCategories/message-content/retention', { kind: 'indefinite' }, tandem)], policy, options);
    const before = declared.cells.find((c) => c.category === 'message-content' && c.jurisdiction === 'US')!;
    const after = observed.result.cells.find((c) => c.category === 'message-content' && c.jurisdiction === 'US')!;
    expect(after.worstCase).toBeGreaterThanOrEqual(before.worstCase);
    expect(observed.declaration.dataCategories.find((c) => c.category === 'message-content')!.retention).toEqual({ kind: 'indefinite' });
  });
});
