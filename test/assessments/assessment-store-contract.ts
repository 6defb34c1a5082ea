import { describe, expect, it } from '@jest/globals';
import type { AssessmentRecord, AssessmentStore } from '../../src/assessments/assessment-record.js';
import type { NewRecord } from '../../src/observations/observation-store.js';

export interface AssessmentStoreBacking {
  open(): Promise<AssessmentStore>;
  persistent: boolean;
  dispose(): Promise<void>;
}

const SOURCE = { url: 'https://citizenlab.ca/2008/10/breaching-trust', title: 'Breaching Trust', kind: 'investigative-report' as const };

export const newAssessment = (extra: Partial<NewRecord<AssessmentRecord>> = {}): NewRecord<AssessmentRecord> => ({
  document: { provider: { name: 'Skype (2013)' }, legalProcess: { liveInterception: 'supported' } },
  observedAt: '2012-07-26',
  statement: 'The architecture changed to supernodes run by the provider.',
  sources: [SOURCE],
  organisation: 'Open Rights Lab',
  recordedAt: '2026-01-02T03:04:05.000Z',
  recordedBy: 'key_0123456789abcdef',
  ...extra,
});

/** The contract every assessment store keeps (the port of numbered records, with assessment bodies). */
export function describeAssessmentStoreContract(name: string, fresh: () => Promise<AssessmentStoreBacking>): void {
  const withStore = (test: (store: AssessmentStore, backing: AssessmentStoreBacking) => Promise<void>) => async () => {
    const backing = await fresh();
    const store = await backing.open();
    try {
      await test(store, backing);
    } finally {
      await store.close();
      await backing.dispose();
    }
  };

  describe(`${name} (assessment store contract)`, () => {
    it('numbers assessments per provider and keeps each exactly as given', withStore(async (store) => {
      const first = await store.append('skype-2013', newAssessment({ method: 'Read the report.' }));
      const second = await store.append('skype-2013', newAssessment({ supersedes: 1 }));
      const other = await store.append('tandem-voice', newAssessment());
      expect([first.id, second.id, other.id]).toEqual([1, 2, 1]);
      expect(first).toEqual({ ...newAssessment({ method: 'Read the report.' }), providerId: 'skype-2013', id: 1, responses: [] });
      expect(await store.list('skype-2013')).toEqual([first, second]);
      expect(await store.providerIds()).toEqual(['skype-2013', 'tandem-voice']);
    }));

    it('never numbers twice under concurrent appends', withStore(async (store) => {
      const records = await Promise.all(Array.from({ length: 6 }, () => store.append('skype-2013', newAssessment())));
      expect(records.map((r) => r.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    }));

    it('keeps responses beside an assessment and a withdrawal marked once', withStore(async (store) => {
      await store.append('skype-2013', newAssessment());
      const answer = { statement: 'Not so.', sources: [], recordedAt: '2026-01-03T00:00:00.000Z', recordedBy: 'key_provider' };
      expect(await store.respond('skype-2013', 1, answer)).toEqual({ ...answer, id: 1 });
      expect(await store.respond('skype-2013', 4, answer)).toBeUndefined();
      const first = { at: '2026-01-04T00:00:00.000Z', by: 'admin-env', reason: 'source retracted' };
      expect((await store.withdraw('skype-2013', 1, first))?.withdrawn).toEqual(first);
      expect((await store.withdraw('skype-2013', 1, { at: '2026-02-01T00:00:00.000Z', by: 'other' }))?.withdrawn).toEqual(first);
      expect(await store.list('skype-2013')).toEqual([expect.objectContaining({ id: 1, responses: [{ ...answer, id: 1 }], withdrawn: first })]);
    }));

    it('keeps everything across a reopen when persistent', withStore(async (store, backing) => {
      if (!backing.persistent) return;
      await store.append('skype-2013', newAssessment());
      await store.respond('skype-2013', 1, { statement: 'Answer.', sources: [], recordedAt: '2026-01-03T00:00:00.000Z', recordedBy: 'k' });
      const before = await store.list('skype-2013');
      await store.close();
      const again = await backing.open();
      try {
        expect(await again.list('skype-2013')).toEqual(before);
        expect((await again.append('skype-2013', newAssessment())).id).toBe(2);
      } finally {
        await again.close();
      }
    }));
  });
}
