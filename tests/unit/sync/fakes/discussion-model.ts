import fc from 'fast-check';
import { nextBatch } from '@/utils/sync/next-batch';
import { discussionOf } from './discussion-world';
import type { NetworkFault } from './fake-remote';
import { alice, bob, type Device } from './sync-world';

/** One step of the story of Alice's two devices and Bob's two devices. */
export type DiscussionStep =
  | { kind: 'comment'; device: number }
  | { kind: 'edit'; device: number; pick: number }
  | { kind: 'delete'; device: number; pick: number }
  | { kind: 'endorse'; device: number }
  | { kind: 'withdraw'; device: number }
  | { kind: 'sync'; device: number; fault: NetworkFault | 'none' }
  | { kind: 'stop'; device: number };

const device = fc.integer({ min: 0, max: 3 });
const pick = fc.nat({ max: 3 });
const fault = fc.constantFrom<NetworkFault | 'none'>(
  'none',
  'none',
  'before-send',
  'after-apply',
  'deliver-twice',
);
const step = <K extends string>(kind: K) => fc.constant(kind);

/**
 * Random steps on one published clip of Alice: comments by both people,
 * edits and deletions of one's own, Bob's endorsements and withdrawals,
 * syncs through faults and worker stops. Weighted towards edits and
 * syncs, so two devices often change one comment from one version.
 */
export const discussionSteps = fc.array(
  fc.oneof(
    { weight: 2, arbitrary: fc.record({ kind: step('comment'), device }) },
    { weight: 3, arbitrary: fc.record({ kind: step('edit'), device, pick }) },
    { weight: 1, arbitrary: fc.record({ kind: step('delete'), device, pick }) },
    { weight: 1, arbitrary: fc.record({ kind: step('endorse'), device }) },
    { weight: 1, arbitrary: fc.record({ kind: step('withdraw'), device }) },
    { weight: 4, arbitrary: fc.record({ kind: step('sync'), device, fault }) },
    { weight: 1, arbitrary: fc.record({ kind: step('stop'), device }) },
  ),
  { maxLength: 14 },
);

/**
 * What people wrote in comments, and what they replaced or deleted
 * themselves, which nobody owes them any more.
 */
export class CommentWriting {
  readonly written = new Set<string>();
  readonly replaced = new Set<string>();
  private count = 0;

  /** A text nobody wrote before, so a duplicate is visible. */
  next(device: Device): string {
    this.count += 1;
    const text = `${device.name} comment ${this.count}`;
    this.written.add(text);
    return text;
  }

  /** Texts that must still exist on the server. */
  owed(): string[] {
    return [...this.written].filter((text) => !this.replaced.has(text));
  }
}

/** The person each device belongs to: Alice's two, then Bob's two. */
export function ownerOf(index: number) {
  return index < 2 ? alice : bob;
}

/** Plays one step on the devices. */
export async function playDiscussion(
  step: DiscussionStep,
  devices: Device[],
  clipId: string,
  writing: CommentWriting,
): Promise<void> {
  const target = devices[step.device] as Device;
  const talk = discussionOf(target);
  const author = ownerOf(step.device);

  switch (step.kind) {
    case 'comment': {
      const body = writing.next(target);
      await talk.addComment({
        clipId,
        parentId: null,
        body,
        authorId: author.id,
      });
      return;
    }
    case 'edit':
    case 'delete': {
      const own = (await talk.commentsOf(clipId)).filter(
        (row) => row.authorId === author.id && !row.deleted,
      );
      const chosen = own[step.pick % (own.length || 1)];
      if (!chosen) return;
      writing.replaced.add(chosen.body);
      if (step.kind === 'delete') return talk.deleteComment(chosen.id);
      await talk.editComment(chosen.id, writing.next(target));
      return;
    }
    case 'endorse':
      await discussionOf(bobsDevice(devices, step.device)).endorse({
        clipId,
        kind: 'peer',
        endorserId: bob.id,
      });
      return;
    case 'withdraw':
      return withdrawHeld(bobsDevice(devices, step.device), clipId);
    case 'sync':
      if (step.fault !== 'none') target.remote.network.faults.push(step.fault);
      await target.sync();
      target.remote.network.faults.length = 0;
      return;
    case 'stop':
      return stopMidPush(target);
  }
}

function bobsDevice(devices: Device[], index: number): Device {
  return devices[2 + (index % 2)] as Device;
}

async function withdrawHeld(target: Device, clipId: string): Promise<void> {
  const talk = discussionOf(target);
  const held = await talk.myActiveEndorsements(bob.id, [clipId]);
  const endorsement = held.get(clipId);
  if (endorsement) await talk.withdraw(endorsement.id);
}

async function stopMidPush(target: Device): Promise<void> {
  const batch = await nextBatch(target.db, { maxItems: 100, maxBytes: 2e6 });
  if (batch.length === 0) return;
  await target.remote
    .push(batch.map(({ change }) => change))
    .catch(() => undefined);
}
