import { describe, expect, it } from '@jest/globals';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import { applyObservations, type PlacedObservation } from '../../src/observations/apply-observations.js';
import { checkObservation } from '../../src/observations/check-observation.js';
import { undeclaredBase } from '../../src/observations/undeclared-base.js';
import { observationBody, sampleDeclaration } from './fixtures.js';

const registry = loadSchemaRegistry();
let next = 1;
function placed(pointer: string, value: unknown, observedAt = '2012-01-01', id = next++): PlacedObservation {
  const { place } = checkObservation(registry, observationBody(pointer, value, { observedAt }));
  return { id, observedAt, pointer, value, place };
}

describe('applying observations', () => {
  it('puts each observed fact in place of the declared one, leaving the input untouched', () => {
    const declared = sampleDeclaration();
    const before = structuredClone(declared);
    const { declaration, applied, unapplied } = applyObservations(declared, [
      placed('/legalProcess/liveInterception', 'supported', '2012-07-01', 1),
      placed('/thirdParties/cn-licensee/capabilities', ['keyword-filtering'], '2008-10-01', 2),
      placed('/dataCategories/message-content/protection/atRest', 'provider-managed', '2012-07-01', 3),
    ]);
    expect(declared).toEqual(before);
    expect(declaration.legalProcess?.liveInterception).toBe('supported');
    expect(declaration.thirdParties?.[0].capabilities).toEqual(['keyword-filtering']);
    expect(declaration.dataCategories[1].protection).toEqual({ inTransit: 'end-to-end', atRest: 'provider-managed' });
    expect(applied).toEqual([1, 2, 3]); // outer places first
    expect(unapplied).toEqual([]);
  });

  it('adds an unlisted category as undisclosed before setting its field', () => {
    const { declaration } = applyObservations(sampleDeclaration(), [placed('/dataCategories/call-content/retention', { kind: 'indefinite' })]);
    expect(declaration.dataCategories.at(-1)).toEqual({ category: 'call-content', collected: 'undisclosed', retention: { kind: 'indefinite' } });
  });

  it('asserts a party with "-" and then applies facts about it, whatever their dates', () => {
    const party = { id: 'tom-online', name: 'TOM Online', relationship: 'licensee', jurisdiction: 'CN' };
    const { declaration, applied } = applyObservations(sampleDeclaration(), [
      placed('/thirdParties/tom-online/capabilities', ['censorship'], '2008-01-01', 10),
      placed('/thirdParties/-', party, '2012-01-01', 11),
    ]);
    expect(applied).toEqual([11, 10]);
    expect(declaration.thirdParties?.find((p) => p.id === 'tom-online')).toEqual({ ...party, capabilities: ['censorship'] });
  });

  it('lets the latest observation of a fact stand', () => {
    const { declaration } = applyObservations(sampleDeclaration(), [
      placed('/legalProcess/liveInterception', 'undisclosed', '2013-01-01', 21),
      placed('/legalProcess/liveInterception', 'supported', '2012-01-01', 20),
    ]);
    expect(declaration.legalProcess?.liveInterception).toBe('undisclosed');
  });

  it('reports what this declaration has no place for', () => {
    const declared = sampleDeclaration();
    delete declared.thirdParties;
    const { unapplied, applied } = applyObservations(declared, [placed('/thirdParties/cn-licensee/capabilities', ['censorship'], '2012-01-01', 30)]);
    expect(applied).toEqual([]);
    expect(unapplied).toEqual([{ id: 30, reason: expect.stringContaining('thirdParties') }]);
  });

  it('creates absent sections on the way', () => {
    const declared = sampleDeclaration();
    delete declared.legalProcess;
    const { declaration } = applyObservations(declared, [placed('/legalProcess/encryptionDemands', 'comply')]);
    expect(declaration.legalProcess).toEqual({ encryptionDemands: 'comply' });
  });
});

describe('the declaration of a provider that never declared', () => {
  it('answers nothing: every category undisclosed, as of the date given, and it is valid', () => {
    const base = undeclaredBase({ providerId: 'silent-chat', name: 'Silent Chat', asOf: '2013-05-01', categories: ['subscriber-info', 'message-content'] });
    expect(base).toEqual({
      format: 'retention-declaration/1',
      provider: { id: 'silent-chat', name: 'Silent Chat' },
      asOf: '2013-05-01',
      dataCategories: [
        { category: 'subscriber-info', collected: 'undisclosed' },
        { category: 'message-content', collected: 'undisclosed' },
      ],
    });
    expect(registry.validator('declaration')(base)).toBe(true);
  });
});
