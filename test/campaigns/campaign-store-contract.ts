import { describe, expect, it } from '@jest/globals';
import { CampaignExistsError, type CampaignStore, type NewCampaign } from '../../src/campaigns/campaign-store.js';

export interface CampaignStoreBacking {
  open(): Promise<CampaignStore>;
  persistent: boolean;
  dispose(): Promise<void>;
}

export const newCampaign = (id = 'letter-2013', extra: Partial<NewCampaign> = {}): NewCampaign => ({
  id,
  title: 'Open letter',
  asks: [{ id: 'data-kept', title: 'Data kept', text: 'How long?', pointers: ['/dataCategories/*/retention'] }],
  providers: ['tandem-voice'],
  sentOn: '2013-01-24',
  replyDueBy: '2013-03-24',
  sources: [],
  organisation: 'Open Rights Lab',
  createdAt: '2026-01-02T03:04:05.000Z',
  createdBy: 'key_0123456789abcdef',
  ...extra,
});

/** The contract every campaign store keeps. */
export function describeCampaignStoreContract(name: string, fresh: () => Promise<CampaignStoreBacking>): void {
  const withStore = (test: (store: CampaignStore, backing: CampaignStoreBacking) => Promise<void>) => async () => {
    const backing = await fresh();
    const store = await backing.open();
    try {
      await test(store, backing);
    } finally {
      await store.close();
      await backing.dispose();
    }
  };

  describe(`${name} (campaign store contract)`, () => {
    it('keeps a campaign as created, and refuses an id that is taken, changing nothing', withStore(async (store) => {
      const created = await store.create(newCampaign());
      expect(created).toEqual({ ...newCampaign(), revisions: [] });
      await expect(store.create(newCampaign('letter-2013', { title: 'Another' }))).rejects.toBeInstanceOf(CampaignExistsError);
      expect(await store.get('letter-2013')).toEqual(created);
      await store.create(newCampaign('a-first'));
      expect((await store.list()).map((c) => c.id)).toEqual(['a-first', 'letter-2013']);
      expect(await store.get('nothing')).toBeUndefined();
    }));

    it('numbers revisions and never loses one under concurrent writers', withStore(async (store) => {
      await store.create(newCampaign());
      const revisions = await Promise.all(Array.from({ length: 5 }, (_, i) => store.revise('letter-2013', { action: 'amend', replyDueBy: `2013-04-0${i + 1}`, at: '2026-01-03T00:00:00.000Z', by: 'k' })));
      expect(revisions.map((r) => r!.n).sort()).toEqual([1, 2, 3, 4, 5]);
      expect(await store.revise('nothing', { action: 'withdraw', at: '2026-01-03T00:00:00.000Z', by: 'k' })).toBeUndefined();
      expect((await store.get('letter-2013'))!.revisions.map((r) => r.n)).toEqual([1, 2, 3, 4, 5]);
    }));

    it('keeps everything across a reopen when persistent', withStore(async (store, backing) => {
      if (!backing.persistent) return;
      await store.create(newCampaign());
      await store.revise('letter-2013', { action: 'withdraw', note: 'Done.', at: '2026-01-03T00:00:00.000Z', by: 'k' });
      const before = await store.list();
      await store.close();
      const again = await backing.open();
      try {
        expect(await again.list()).toEqual(before);
        await expect(again.create(newCampaign())).rejects.toBeInstanceOf(CampaignExistsError);
      } finally {
        await again.close();
      }
    }));
  });
}
