import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RemoteApi } from '../../../utils/remote/remote-api';
import {
  change,
  latestCursor,
  newClip,
  type ContractWorld,
} from './contract-world';

/**
 * The cases every RemoteApi must answer alike. The same suite runs on the
 * in-memory fake and on the local stack, so the fake cannot drift.
 */
export function remoteContract(start: () => Promise<ContractWorld>): void {
  let world: ContractWorld;
  let laptop: RemoteApi;
  let desktop: RemoteApi;

  beforeAll(async () => {
    world = await start();
    laptop = await world.device(world.accounts.alice);
    desktop = await world.device(world.accounts.alice);
  });
  afterAll(() => world?.stop());

  async function created(): Promise<{ id: string; version: number }> {
    const clip = newClip();
    const [result] = await laptop.push([change('clip.upsert', clip)]);
    expect(result).toMatchObject({ status: 'applied' });
    return { id: String(clip.id), version: 1 };
  }

  describe('push', () => {
    it('applies a new clip at version 1', async () => {
      const clip = newClip();

      const results = await laptop.push([change('clip.upsert', clip)]);

      expect(results).toMatchObject([
        {
          index: 0,
          status: 'applied',
          entity: 'clip',
          id: clip.id,
          version: 1,
        },
      ]);
    });

    it('answers a resent change as the first time and changes nothing', async () => {
      const clip = newClip();
      const first = change('clip.upsert', clip);
      const [sent] = await laptop.push([first]);
      await laptop.push([
        change('clip.upsert', { id: clip.id, note: 'Two.' }, 1),
      ]);

      const [again] = await laptop.push([first]);
      const [next] = await laptop.push([
        change('clip.upsert', { id: clip.id, note: 'Three.' }, 2),
      ]);

      expect(again).toEqual(sent);
      expect(next).toMatchObject({ status: 'applied', version: 3 });
    });

    it("answers a conflict with the server's row for an old base version", async () => {
      const { id } = await created();
      await laptop.push([change('clip.upsert', { id, note: 'Laptop.' }, 1)]);

      const [result] = await desktop.push([
        change('clip.upsert', { id, note: 'Desktop.' }, 1),
      ]);

      expect(result).toMatchObject({
        status: 'conflict',
        server_version: 2,
        record: { id, note: 'Laptop.', version: 2 },
      });
    });

    it('answers a conflict when a create meets an existing clip', async () => {
      const { id } = await created();

      const [result] = await desktop.push([
        change('clip.upsert', newClip({ id })),
      ]);

      expect(result).toMatchObject({ status: 'conflict', server_version: 1 });
    });

    it('rejects a note over the limit with the reason', async () => {
      const clip = newClip({ note: 'x'.repeat(20_001) });

      const [result] = await laptop.push([change('clip.upsert', clip)]);

      expect(result).toMatchObject({
        status: 'rejected',
        reason: 'note: longer than 20000 characters',
        code: '22023',
      });
    });

    it('rejects the deletion of a clip that does not exist', async () => {
      const record = { id: crypto.randomUUID() };

      const [result] = await laptop.push([change('clip.delete', record, 1)]);

      expect(result).toMatchObject({
        status: 'rejected',
        reason: 'you have no clip with this id',
      });
    });

    it('applies the rest of a batch past a rejected change', async () => {
      const bad = newClip({ source_url: 'ftp://files.example.com/a' });

      const results = await laptop.push([
        change('clip.upsert', bad),
        change('clip.upsert', newClip()),
      ]);

      expect(results.map((result) => result.status)).toEqual([
        'rejected',
        'applied',
      ]);
    });

    it('applies a deletion sent again under another change id', async () => {
      const { id } = await created();
      await laptop.push([change('clip.delete', { id }, 1)]);

      const [result] = await desktop.push([change('clip.delete', { id }, 1)]);

      expect(result).toMatchObject({ status: 'applied', version: 2 });
    });

    it('refuses a batch of more than 100 changes as a whole', async () => {
      const batch = Array.from({ length: 101 }, () =>
        change('clip.upsert', newClip()),
      );

      const attempt = laptop.push(batch);

      await expect(attempt).rejects.toMatchObject({ code: 'bad-request' });
    });

    it('refuses a device nobody signed in on', async () => {
      const attempt = world
        .signedOut()
        .push([change('clip.upsert', newClip())]);

      await expect(attempt).rejects.toMatchObject({ code: 'unauthorized' });
    });
  });

  describe('pull', () => {
    it("sends another device's new clip in full", async () => {
      const since = await latestCursor(desktop);
      const { id } = await created();

      const page = await desktop.pull(since, 100);

      expect(page.changes).toMatchObject([
        { entity: 'clip', id, deleted: false, record: { id, version: 1 } },
      ]);
    });

    it('sends a tombstone for a deleted clip', async () => {
      const { id } = await created();
      const since = await latestCursor(desktop);
      await laptop.push([change('clip.delete', { id }, 1)]);

      const page = await desktop.pull(since, 100);

      expect(page.changes).toMatchObject([
        { entity: 'clip', id, deleted: true, record: null },
      ]);
    });

    it('answers an empty last page and the same cursor when nothing changed', async () => {
      const since = await latestCursor(desktop);

      const page = await desktop.pull(since, 100);

      expect(page).toEqual({ changes: [], cursor: since, hasMore: false });
    });

    it('pages by the maximum asked and says when more follows', async () => {
      const since = await latestCursor(desktop);
      await created();
      await created();
      await created();

      const first = await desktop.pull(since, 2);
      const second = await desktop.pull(first.cursor, 2);

      expect([first.changes.length, first.hasMore]).toEqual([2, true]);
      expect([second.changes.length, second.hasMore]).toEqual([1, false]);
    });
  });

  describe('feed page', () => {
    it('pages through published clips without repeats', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;

      do {
        const page = await laptop.feedPage({
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
      const page = await laptop.feedPage({ scope: 'everyone', max: 1 });

      expect(Object.keys(page.items[0] ?? {}).sort()).toEqual(FEED_FIELDS);
    });

    it('refuses a cursor it never gave', async () => {
      const attempt = laptop.feedPage({
        scope: 'everyone',
        cursor: 'bm9wZQ==',
      });

      await expect(attempt).rejects.toMatchObject({ code: 'bad-request' });
    });
  });

  describe('auth', () => {
    it('refuses a wrong password', async () => {
      const device = world.signedOut();

      const attempt = device.signInWithPassword(world.accounts.bob, 'wrong');

      await expect(attempt).rejects.toMatchObject({
        code: 'invalid-credentials',
      });
    });

    it('signs in with an emailed one-time code', async () => {
      const device = world.signedOut();
      await device.signInWithOtp(world.accounts.bob);

      const code = world.latestCode(world.accounts.bob) ?? '';
      const session = await device.verifyOtp(world.accounts.bob, code);

      expect(session.email).toBe(world.accounts.bob);
    });

    it('refuses a wrong one-time code', async () => {
      const device = world.signedOut();
      await device.signInWithOtp(world.accounts.bob);

      const attempt = device.verifyOtp(world.accounts.bob, '000000');

      await expect(attempt).rejects.toMatchObject({
        code: 'invalid-credentials',
      });
    });

    it("answers the signed-in person's session", async () => {
      const device = await world.device(world.accounts.bob);

      const session = await device.getSession();

      expect(session?.email).toBe(world.accounts.bob);
    });

    it('answers no session after signing out', async () => {
      const device = await world.device(world.accounts.bob);

      await device.signOut();

      expect(await device.getSession()).toBeNull();
    });
  });
}

const FEED_FIELDS = [
  'author_id',
  'author_name',
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
].sort();
