import { describe, expect, it } from '@jest/globals';
import type { NewObservation, ObservationStore } from '../../src/observations/observation-store.js';
import { SOURCE } from './fixtures.js';

/** A fresh, empty backing for one test (a directory, a database schema…). */
export interface ObservationStoreBacking {
  open(): Promise<ObservationStore>;
  /** Whether a store opened again after close() sees the same data. */
  persistent: boolean;
  dispose(): Promise<void>;
}

export const newObservation = (pointer = '/legalProcess/liveInterception', extra: Partial<NewObservation> = {}): NewObservation => ({
  pointer,
  value: 'supported',
  statement: 'Reports describe an architecture change that eases interception.',
  observedAt: '2012-07-26',
  sources: [SOURCE],
  organisation: 'Open Rights Lab',
  recordedAt: '2026-01-02T03:04:05.000Z',
  recordedBy: 'key_0123456789abcdef',
  ...extra,
});

/**
 * The adapter-independent contract of the ObservationStore port. Every adapter runs it:
 * `describeObservationStoreContract('LowdbObservationStore', async () => backing)`.
 */
export function describeObservationStoreContract(name: string, fresh: () => Promise<ObservationStoreBacking>): void {
  const withStore = (test: (store: ObservationStore, backing: ObservationStoreBacking) => Promise<void>) => async () => {
    const backing = await fresh();
    const store = await backing.open();
    try {
      await test(store, backing);
    } finally {
      await store.close();
      await backing.dispose();
    }
  };

  describe(`${name} (observation store contract)`, () => {
    it('starts empty', withStore(async (store) => {
      expect(await store.providerIds()).toEqual([]);
      expect(await store.list('anyone')).toEqual([]);
    }));

    it('numbers observations 1, 2, 3 per provider and keeps them as given', withStore(async (store) => {
      const first = await store.append('tandem-voice', newObservation());
      const second = await store.append('tandem-voice', newObservation('/thirdParties/-', { value: { id: 'x', name: 'X', relationship: 'partner' }, supersedes: 1 }));
      const other = await store.append('silent-chat', newObservation('/legalProcess/liveInterception', { providerName: 'Silent Chat' }));
      expect([first.id, second.id, other.id]).toEqual([1, 2, 1]);
      expect(first).toEqual({ ...newObservation(), providerId: 'tandem-voice', id: 1, responses: [] });
      expect(await store.list('tandem-voice')).toEqual([first, second]);
      expect(await store.providerIds()).toEqual(['silent-chat', 'tandem-voice']);
    }));

    it('never numbers twice under concurrent appends', withStore(async (store) => {
      const records = await Promise.all(Array.from({ length: 8 }, () => store.append('tandem-voice', newObservation())));
      expect(records.map((r) => r.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    }));

    it('hands out copies: changing a returned record changes nothing stored', withStore(async (store) => {
      const record = await store.append('tandem-voice', newObservation());
      record.statement = 'changed';
      (await store.list('tandem-voice'))[0].sources.push(SOURCE);
      expect((await store.list('tandem-voice'))[0]).toEqual({ ...newObservation(), providerId: 'tandem-voice', id: 1, responses: [] });
    }));

    it('numbers responses per observation and keeps them beside it', withStore(async (store) => {
      await store.append('tandem-voice', newObservation());
      const answer = { statement: 'Not so.', sources: [], recordedAt: '2026-01-03T00:00:00.000Z', recordedBy: 'key_provider' };
      expect(await store.respond('tandem-voice', 1, answer)).toEqual({ ...answer, id: 1 });
      expect(await store.respond('tandem-voice', 1, answer)).toEqual({ ...answer, id: 2 });
      expect(await store.respond('tandem-voice', 2, answer)).toBeUndefined();
      expect((await store.list('tandem-voice'))[0].responses.map((r) => r.id)).toEqual([1, 2]);
    }));

    it('keeps a withdrawn observation, marked once', withStore(async (store) => {
      await store.append('tandem-voice', newObservation());
      const first = { at: '2026-01-04T00:00:00.000Z', by: 'admin-env', reason: 'source retracted' };
      expect((await store.withdraw('tandem-voice', 1, first))?.withdrawn).toEqual(first);
      expect((await store.withdraw('tandem-voice', 1, { at: '2026-02-01T00:00:00.000Z', by: 'other' }))?.withdrawn).toEqual(first);
      expect(await store.withdraw('tandem-voice', 9, first)).toBeUndefined();
      expect(await store.list('tandem-voice')).toEqual([expect.objectContaining({ id: 1, statement: newObservation().statement, withdrawn: first })]);
    }));

    it('keeps everything across a reopen when persistent', withStore(async (store, backing) => {
      if (!backing.persistent) return;
      await store.append('tandem-voice', newObservation());
      await store.respond('tandem-voice', 1, { statement: 'Answer.', sources: [SOURCE], recordedAt: '2026-01-03T00:00:00.000Z', recordedBy: 'k' });
      await store.withdraw('tandem-voice', 1, { at: '2026-01-04T00:00:00.000Z', by: 'admin-env' });
      const before = await store.list('tandem-voice');
      await store.close();
      const again = await backing.open();
      try {
        expect(await again.list('tandem-voice')).toEqual(before);
        expect((await again.append('tandem-voice', newObservation())).id).toBe(2);
      } finally {
        await again.close();
      }
    }));
  });
}
