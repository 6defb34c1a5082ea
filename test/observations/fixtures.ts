import type { Declaration } from '../../src/formats/types.generated.js';

/** A small valid declaration with a licensee and a statute, fresh each call. */
export function sampleDeclaration(providerId = 'veritalk'): Declaration {
  return {
    format: 'retention-declaration/1',
    provider: { id: providerId, name: 'VeriTalk', headquarters: 'LU' },
    asOf: '2024-06-30',
    dataCategories: [
      { category: 'subscriber-info', collected: 'yes', retention: { kind: 'until-event', event: 'account-deletion' }, protection: { inTransit: 'transport', atRest: 'provider-managed' } },
      {
        category: 'message-content',
        collected: 'yes',
        retention: { kind: 'none' },
        protection: { inTransit: 'end-to-end', atRest: 'end-to-end' },
        interception: [{ party: 'network-operator', capability: 'none' }],
      },
      { category: 'location', collected: 'no' },
    ],
    thirdParties: [{ id: 'cn-licensee', name: 'Licensee', relationship: 'licensee', jurisdiction: 'CN', categories: ['message-content'], capabilities: [] }],
    legalProcess: { liveInterception: 'not-supported', interceptionStatutes: [{ statute: 'CALEA', jurisdiction: 'US', position: 'undisclosed' }] },
  } as Declaration;
}

export const SOURCE = { url: 'https://citizenlab.ca/2008/10/breaching-trust', title: 'Breaching Trust', kind: 'academic-study' as const };

export const observationBody = (pointer: string, value: unknown, extra: object = {}) => ({ pointer, value, statement: 'Seen.', observedAt: '2008-10-01', sources: [SOURCE], ...extra });
