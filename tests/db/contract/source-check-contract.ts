import { beforeAll, describe, expect, it } from 'vitest';
import type { RemoteApi } from '@/utils/remote/remote-api';
import type { FeedItem } from '@/utils/remote/sync-wire';
import { created, type ContractDevices } from './contract-world';

/** The source check cases of the remote contract, reported by Bob. */
export function sourceCheckContract(devices: ContractDevices): void {
  let bob: RemoteApi;

  beforeAll(async () => {
    bob = await devices.world.device(devices.world.accounts.bob);
  });

  async function firstItem(): Promise<FeedItem> {
    const page = await devices.laptop.feedPage({ scope: 'everyone', max: 1 });
    return page.items[0]!;
  }

  async function itemNow(id: string): Promise<FeedItem | undefined> {
    const page = await devices.laptop.feedPage({ scope: 'everyone' });
    return page.items.find((item) => item.id === id);
  }

  describe('source checks', () => {
    it('marks the source changed for every reader when a quote is gone', async () => {
      const { id } = await firstItem();

      await bob.reportSourceChecks([{ clipId: id, found: false }]);

      expect((await itemNow(id))?.source_changed).toBe(true);
      await bob.reportSourceChecks([{ clipId: id, found: true }]);
    });

    it('clears the mark when the quote is found again', async () => {
      const { id } = await firstItem();
      await bob.reportSourceChecks([{ clipId: id, found: false }]);

      await bob.reportSourceChecks([{ clipId: id, found: true }]);

      const detail = await devices.laptop.clipDetail(id);
      expect(detail.clip.source_changed_at).toBeNull();
    });

    it('keeps the version of the clip the mark is set on', async () => {
      const { id, version } = await firstItem();

      await bob.reportSourceChecks([{ clipId: id, found: false }]);

      const detail = await devices.laptop.clipDetail(id);
      expect([
        detail.clip.version,
        typeof detail.clip.source_changed_at,
      ]).toEqual([version, 'string']);
      await bob.reportSourceChecks([{ clipId: id, found: true }]);
    });

    it("refuses a report on someone else's draft as not found", async () => {
      const draftId = await created(devices);

      const attempt = bob.reportSourceChecks([
        { clipId: draftId, found: false },
      ]);

      await expect(attempt).rejects.toMatchObject({
        code: 'not-found',
        message: 'no published clip with this id is shared with you',
      });
    });
  });
}
