import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  change,
  created,
  latestCursor,
  type ContractDevices,
  type ContractWorld,
} from './contract-world';
import { peerContract } from './peer-contract';
import { pushContract } from './push-contract';
import { sourceCheckContract } from './source-check-contract';

/**
 * The cases every RemoteApi must answer alike. The same suite runs on the
 * in-memory fake and on the local stack, so the fake cannot drift.
 */
export function remoteContract(start: () => Promise<ContractWorld>): void {
  const devices = {} as ContractDevices;

  beforeAll(async () => {
    devices.world = await start();
    devices.laptop = await devices.world.device(devices.world.accounts.alice);
    devices.desktop = await devices.world.device(devices.world.accounts.alice);
  });
  afterAll(() => devices.world?.stop());

  pushContract(devices);
  peerContract(devices);
  sourceCheckContract(devices);

  describe('pull', () => {
    it("sends another device's new clip in full", async () => {
      const since = await latestCursor(devices.desktop);
      const id = await created(devices);

      const page = await devices.desktop.pull(since, 100);

      expect(page.changes).toMatchObject([
        { entity: 'clip', id, deleted: false, record: { id, version: 1 } },
      ]);
    });

    it('sends a tombstone for a deleted clip', async () => {
      const id = await created(devices);
      const since = await latestCursor(devices.desktop);
      await devices.laptop.push([change('clip.delete', { id }, 1)]);

      const page = await devices.desktop.pull(since, 100);

      expect(page.changes).toMatchObject([
        { entity: 'clip', id, deleted: true, record: null },
      ]);
    });

    it('answers an empty last page and the same cursor when nothing changed', async () => {
      const since = await latestCursor(devices.desktop);

      const page = await devices.desktop.pull(since, 100);

      expect(page).toEqual({ changes: [], cursor: since, hasMore: false });
    });

    it('pages by the maximum asked and says when more follows', async () => {
      const since = await latestCursor(devices.desktop);
      await created(devices);
      await created(devices);
      await created(devices);

      const first = await devices.desktop.pull(since, 2);
      const second = await devices.desktop.pull(first.cursor, 2);

      expect([first.changes.length, first.hasMore]).toEqual([2, true]);
      expect([second.changes.length, second.hasMore]).toEqual([1, false]);
    });
  });

  describe('feed page', () => {
    it('pages through published clips without repeats', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;

      do {
        const page = await devices.laptop.feedPage({
          scope: 'everyone',
          cursor,
          max: 2,
        });
        seen.push(...page.items.map((item) => item.id));
        cursor = page.cursor;
      } while (cursor);

      expect(seen.length).toBeGreaterThan(2);
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('describes each item with the fields the feed shows', async () => {
      const page = await devices.laptop.feedPage({ scope: 'everyone', max: 1 });

      expect(Object.keys(page.items[0] ?? {}).sort()).toEqual(FEED_FIELDS);
    });

    it('refuses a cursor it never gave', async () => {
      const attempt = devices.laptop.feedPage({
        scope: 'everyone',
        cursor: 'bm9wZQ==',
      });

      await expect(attempt).rejects.toMatchObject({ code: 'bad-request' });
    });
  });

  describe('auth', () => {
    it('refuses a wrong password', async () => {
      const device = devices.world.signedOut();

      const attempt = device.signInWithPassword(
        devices.world.accounts.bob,
        'wrong',
      );

      await expect(attempt).rejects.toMatchObject({
        code: 'invalid-credentials',
      });
    });

    it('signs in with an emailed one-time code', async () => {
      const device = devices.world.signedOut();
      await device.signInWithOtp(devices.world.accounts.bob);

      const code = devices.world.latestCode(devices.world.accounts.bob) ?? '';
      const session = await device.verifyOtp(devices.world.accounts.bob, code);

      expect(session.email).toBe(devices.world.accounts.bob);
    });

    it('refuses a wrong one-time code', async () => {
      const device = devices.world.signedOut();
      await device.signInWithOtp(devices.world.accounts.bob);

      const attempt = device.verifyOtp(devices.world.accounts.bob, '000000');

      await expect(attempt).rejects.toMatchObject({
        code: 'invalid-credentials',
      });
    });

    it("answers the signed-in person's session", async () => {
      const device = await devices.world.device(devices.world.accounts.bob);

      const session = await device.getSession();

      expect(session?.email).toBe(devices.world.accounts.bob);
    });

    it('answers no session after signing out', async () => {
      const device = await devices.world.device(devices.world.accounts.bob);

      await device.signOut();

      expect(await device.getSession()).toBeNull();
    });
  });
}

const FEED_FIELDS = [
  'author_id',
  'author_name',
  'author_team_name',
  'can_endorse_officially',
  'my_endorsement',
  'official_endorsement_count',
  'canonical_url',
  'comment_count',
  'id',
  'in_network',
  'note',
  'peer_endorsement_count',
  'published_at',
  'quote',
  'quote_is_excerpt',
  'site',
  'source_url',
  'tags',
  'title',
  'topic_id',
  'topic_name',
  'trust',
  'version',
  'visibility',
  'source_changed',
  'quote_selector',
].sort();
