import { beforeAll, describe, expect, it } from 'vitest';
import type { FollowTarget } from '@/utils/remote/peer-wire';
import type { RemoteApi } from '@/utils/remote/remote-api';
import type { FeedItem } from '@/utils/remote/sync-wire';
import { created, type ContractDevices } from './contract-world';

/** Bob's device and id, and an admin's device, for the peer cases. */
interface PeerDevices {
  bob: RemoteApi;
  bobId: string;
  admin: RemoteApi;
}

/** The reading and discussing cases of the remote contract. */
export function peerContract(devices: ContractDevices): void {
  const peers = {} as PeerDevices;

  beforeAll(async () => {
    const { world } = devices;
    peers.bob = await world.device(world.accounts.bob);
    peers.bobId = (await peers.bob.getSession())?.userId ?? '';
    peers.admin = await world.device(world.accounts.admin);
  });

  async function firstItems(max = 50): Promise<FeedItem[]> {
    return (await devices.laptop.feedPage({ scope: 'everyone', max })).items;
  }

  describe('clip detail', () => {
    it('answers the clip of a feed item with its thread counted alike', async () => {
      const [item] = (await firstItems()).filter((i) => i.comment_count > 0);

      const detail = await devices.laptop.clipDetail(item!.id);

      expect(detail.clip).toMatchObject({ id: item!.id, state: 'published' });
      expect(detail.comments.filter((c) => !c.deleted)).toHaveLength(
        item!.comment_count,
      );
    });

    it('counts active endorsements as the feed item does', async () => {
      const items = await firstItems();
      const item = items.find((i) => i.peer_endorsement_count > 0)!;

      const { endorsements } = await devices.laptop.clipDetail(item.id);

      const active = endorsements.filter(
        (e) => e.kind === 'peer' && e.status === 'active',
      );
      expect(active).toHaveLength(item.peer_endorsement_count);
    });

    it('describes the clip with the fields the detail view shows', async () => {
      const [item] = await firstItems(1);

      const detail = await devices.laptop.clipDetail(item!.id);

      expect(Object.keys(detail.clip).sort()).toEqual(DETAIL_CLIP_FIELDS);
    });

    it("refuses someone else's draft as not found", async () => {
      const draftId = await created(devices);

      const attempt = peers.bob.clipDetail(draftId);

      await expect(attempt).rejects.toMatchObject({ code: 'not-found' });
    });

    it('refuses an unknown clip as not found', async () => {
      const attempt = devices.laptop.clipDetail(crypto.randomUUID());

      await expect(attempt).rejects.toMatchObject({ code: 'not-found' });
    });
  });

  describe('review queue', () => {
    it("holds a teammate's clip waiting for review, never one's own", async () => {
      const queue = await peers.bob.reviewQueue();

      expect(queue.length).toBeGreaterThan(0);
      expect(queue.every((item) => item.author_id !== peers.bobId)).toBe(true);
    });

    it('describes each clip with the fields the queue shows', async () => {
      const [item] = await peers.bob.reviewQueue();

      expect(Object.keys(item ?? {}).sort()).toEqual(QUEUE_FIELDS);
    });
  });

  describe('directory', () => {
    it('says who the reader is and that only admins edit the guide', async () => {
      const member = await peers.bob.directory();
      const admin = await peers.admin.directory();

      expect(member.me.email).toBe(devices.world.accounts.bob);
      expect([member.guide.can_edit, admin.guide.can_edit]).toEqual([
        false,
        true,
      ]);
    });

    it("says how many approvals the reader's team needs", async () => {
      const { me } = await peers.bob.directory();

      expect(Object.keys(me).sort()).toEqual(ME_FIELDS);
      expect(me.team_approvals_required).toBe(1);
    });
  });

  describe('follow', () => {
    async function followedTopics(): Promise<string[]> {
      return (await peers.bob.directory()).follows.topics;
    }

    it('follows a topic once however often it is asked', async () => {
      const [topic] = (await peers.bob.directory()).topics;
      const target: FollowTarget = { kind: 'topic', id: topic!.id };

      await peers.bob.setFollow(target, true);
      await peers.bob.setFollow(target, true);

      const follows = await followedTopics();
      expect(follows.filter((id) => id === topic!.id)).toHaveLength(1);
    });

    it('unfollows twice without complaint', async () => {
      const [topic] = (await peers.bob.directory()).topics;
      const target: FollowTarget = { kind: 'topic', id: topic!.id };

      await peers.bob.setFollow(target, false);
      await peers.bob.setFollow(target, false);

      expect(await followedTopics()).not.toContain(topic!.id);
    });

    it('refuses following oneself', async () => {
      const attempt = peers.bob.setFollow(
        { kind: 'person', id: peers.bobId },
        true,
      );

      await expect(attempt).rejects.toMatchObject({
        code: 'bad-request',
        message: 'you cannot follow yourself',
      });
    });

    it('refuses an unknown kind of target', async () => {
      const target = { kind: 'team', id: peers.bobId } as never;

      const attempt = peers.bob.setFollow(target, true);

      await expect(attempt).rejects.toMatchObject({ code: 'bad-request' });
    });
  });

  describe('publishing guide', () => {
    const links = [
      { title: 'Wiki etiquette', url: 'https://wiki.example.com' },
    ];

    it('refuses a member who is not an admin as forbidden', async () => {
      const attempt = peers.bob.savePublishingGuide(['Cite it'], []);

      await expect(attempt).rejects.toMatchObject({
        code: 'forbidden',
        message: 'only an admin edits the publishing guide',
      });
    });

    it('names every problem of a bad guide', async () => {
      const attempt = peers.admin.savePublishingGuide(
        [''],
        [{ title: '', url: 'ftp://a' }],
      );

      await expect(attempt).rejects.toMatchObject({
        code: 'bad-request',
        message:
          'checklist item 1 must be text of 1 to 500 characters; ' +
          'policy link 1 needs a title of 1 to 200 characters and an ' +
          'http or https url',
      });
    });

    it('saves a new guide under the next version', async () => {
      const before = (await peers.admin.directory()).guide.version;

      const guide = await peers.admin.savePublishingGuide(
        ['Quote exactly', 'Say why it matters'],
        links,
      );

      expect(guide).toEqual({
        checklist: ['Quote exactly', 'Say why it matters'],
        policy_links: links,
        version: before + 1,
        can_edit: true,
      });
    });
  });

  describe('feed items for endorsing', () => {
    it("carry the reader's active endorsement as the detail lists it", async () => {
      const item = (await firstItems()).find((i) => i.my_endorsement)!;

      const detail = await devices.laptop.clipDetail(item.id);

      const mine = detail.endorsements.find(
        (e) => e.status === 'active' && e.id === item.my_endorsement?.id,
      );
      expect(mine?.kind).toBe(item.my_endorsement?.kind);
    });

    it("name the author's team", async () => {
      const items = await firstItems();

      expect(items.some((item) => item.author_team_name !== null)).toBe(true);
    });
  });
}

const DETAIL_CLIP_FIELDS = [
  'id',
  'author_id',
  'author_name',
  'author_team_name',
  'title',
  'site',
  'source_url',
  'canonical_url',
  'quote',
  'quote_truncated',
  'snippet',
  'note',
  'tags',
  'topic_id',
  'topic_name',
  'topic_regulated',
  'state',
  'visibility',
  'version',
  'content_hash',
  'published_at',
  'submitted_at',
  'updated_at',
  'source_changed_at',
].sort();

const QUEUE_FIELDS = [
  'id',
  'author_id',
  'author_name',
  'author_team_name',
  'title',
  'site',
  'source_url',
  'quote',
  'note',
  'tags',
  'topic_id',
  'topic_name',
  'topic_regulated',
  'submitted_at',
  'version',
  'my_verdict',
].sort();

const ME_FIELDS = [
  'id',
  'display_name',
  'email',
  'team_id',
  'team_name',
  'team_approvals_required',
  'role',
  'status',
].sort();
