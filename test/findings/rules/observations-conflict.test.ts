import { describe, expect, it } from '@jest/globals';
import { observationsConflict } from '../../../src/findings/rules/observations-conflict.js';
import type { ObservedFact } from '../../../src/findings/rule.js';
import { runRules } from '../../../src/findings/run-rules.js';
import { loadSchemaRegistry } from '../../../src/formats/schema-registry.js';
import { checkObservation } from '../../../src/observations/check-observation.js';
import { observationBody, sampleDeclaration } from '../../observations/fixtures.js';

const registry = loadSchemaRegistry();

function fact(id: number, pointer: string, value: unknown, observedAt: string, extra: Partial<ObservedFact> = {}): ObservedFact {
  const { observation, place } = checkObservation(registry, observationBody(pointer, value));
  return { ...observation, observedAt, id, providerId: 'veritalk', organisation: 'Open Rights Lab', place, responses: [], ...extra };
}

const run = (observations: ObservedFact[]) =>
  runRules([observationsConflict], { declaration: sampleDeclaration(), changes: [], jurisdictions: [], contentCategories: new Set(), observations });

describe('observations-conflict', () => {
  it('names both when two active observations of one fact disagree (2008 "cannot wiretap" against 2012 "can")', () => {
    const findings = run([fact(2, '/legalProcess/liveInterception', 'supported', '2012-07-26'), fact(1, '/legalProcess/liveInterception', 'not-supported', '2008-07-24')]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toEqual(expect.objectContaining({ rule: 'observations-conflict', severity: 'warning', pointers: ['/legalProcess/liveInterception'] }));
    expect(findings[0].message).toContain('"not-supported" (observation 1, 2008-07-24)');
    expect(findings[0].message).toContain('"supported" (observation 2, 2012-07-26)');
    expect(findings[0].evidence).toEqual(expect.objectContaining({ observation: 2, observed: 'supported' }));
    expect(findings[0].conflictsWith).toEqual(expect.objectContaining({ observation: 1, observed: 'not-supported' }));
  });

  it('is silent when they agree, when one is silent, or when they speak of different facts', () => {
    expect(run([fact(1, '/legalProcess/liveInterception', 'supported', '2008-01-01'), fact(2, '/legalProcess/liveInterception', 'supported', '2012-01-01')])).toEqual([]);
    expect(run([fact(1, '/legalProcess/liveInterception', 'undisclosed', '2008-01-01'), fact(2, '/legalProcess/liveInterception', 'supported', '2012-01-01')])).toEqual([]);
    expect(run([fact(1, '/legalProcess/liveInterception', 'not-supported', '2008-01-01'), fact(2, '/legalProcess/encryptionDemands', 'comply', '2012-01-01')])).toEqual([]);
  });

  it('combines lists from "at least" sources, which never conflict; a complete list conflicts with one naming more', () => {
    const atLeast = (id: number, value: string[]) => fact(id, '/provider/establishments', value, '2012-01-01', { assessment: 1, atLeast: true });
    expect(run([atLeast(1, ['LU']), atLeast(2, ['US'])])).toEqual([]);
    expect(run([fact(5, '/provider/establishments', ['LU', 'US'], '2010-01-01'), atLeast(1, ['US'])])).toEqual([]);
    const more = run([fact(5, '/provider/establishments', ['LU'], '2010-01-01'), atLeast(1, ['LU', 'EE'])]);
    expect(more).toHaveLength(1);
    expect(more[0].message).toContain('assessment 1, fact 1');
    expect(run([fact(5, '/provider/establishments', ['LU'], '2010-01-01'), fact(6, '/provider/establishments', ['LU', 'EE'], '2011-01-01')])).toHaveLength(1);
  });
});
