import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discussionOf, publishedClip } from './fakes/discussion-world';
import {
  CommentWriting,
  discussionSteps,
  ownerOf,
  playDiscussion,
  type DiscussionStep,
} from './fakes/discussion-model';
import type { FakeWorkspace } from './fakes/fake-workspace';
import {
  alice,
  bob,
  fakeWorkspace,
  signedInDevice,
  type Device,
} from './fakes/sync-world';

interface Outcome {
  /** Per device: the comments it shows, as the server keeps them for its person. */
  comments: { device: string[]; server: string[] }[];
  /** Per device of Bob: whether it holds an endorsement, and the server. */
  held: { device: boolean; server: boolean }[];
  bodies: string[];
  owed: string[];
  pending: number;
}

/** Plays the steps, then syncs every device three times over. */
async function story(plan: DiscussionStep[]): Promise<Outcome> {
  const workspace = fakeWorkspace();
  const devices = [
    await signedInDevice(workspace, alice, 'laptop'),
    await signedInDevice(workspace, alice, 'desktop'),
    await signedInDevice(workspace, bob, 'bob-laptop'),
    await signedInDevice(workspace, bob, 'bob-desktop'),
  ];
  const clipId = await publishedClip(workspace, devices[0] as Device);
  const writing = new CommentWriting();
  // A comment of each person on all their devices from the start, so two
  // devices often edit the same one from the same version.
  for (const device of [0, 2]) {
    await playDiscussion({ kind: 'comment', device }, devices, clipId, writing);
  }
  for (const device of devices) await device.sync();
  for (const step of plan) {
    await playDiscussion(step, devices, clipId, writing);
  }

  for (let round = 0; round < 3; round += 1) {
    for (const device of devices) await device.sync();
  }
  const outcome = await observe(workspace, devices, clipId, writing);
  await Promise.all(devices.map((device) => device.db.delete()));
  return outcome;
}

async function observe(
  workspace: FakeWorkspace,
  devices: Device[],
  clipId: string,
  writing: CommentWriting,
): Promise<Outcome> {
  const comments = await Promise.all(
    devices.map(async (device, index) => {
      const rows = await device.db.comments.toArray();
      return {
        device: rows.map((row) => `${row.id} ${row.body}`).sort(),
        server: keptRows(workspace, ownerOf(index).id, 'comment')
          .map((row) => `${String(row.id)} ${String(row.body)}`)
          .sort(),
      };
    }),
  );
  const serverHeld = keptRows(workspace, bob.id, 'endorsement').some(
    (row) => row.active === true,
  );
  const held = await Promise.all(
    devices.slice(2).map(async (device) => {
      const mine = await discussionOf(device).myActiveEndorsements(bob.id, [
        clipId,
      ]);
      return { device: mine.size > 0, server: serverHeld };
    }),
  );
  const pending = await Promise.all(
    devices.map((device) => device.db.outbox.count()),
  );
  return {
    comments,
    held,
    bodies: keptRows(workspace, alice.id, 'comment').map((row) =>
      String(row.body),
    ),
    owed: writing.owed(),
    pending: pending.reduce((sum, count) => sum + count, 0),
  };
}

/** The rows of an entity a full pull sends the person, tombstones left out. */
function keptRows(workspace: FakeWorkspace, userId: string, entity: string) {
  return workspace
    .pull(userId, 0, 1000)
    .changes.filter((change) => change.entity === entity && change.record)
    .map((change) => change.record as Record<string, unknown>);
}

const runs = { numRuns: 200 };
// Generous: the machine running the suite is shared.
const timeout = 120_000;

describe('sync of comments and endorsements across four devices', () => {
  it(
    'leaves every device showing the comments the server keeps',
    async () => {
      await fc.assert(
        fc.asyncProperty(discussionSteps, async (plan) => {
          const outcome = await story(plan);

          for (const { device, server } of outcome.comments) {
            expect(device).toEqual(server);
          }
        }),
        runs,
      );
    },
    timeout,
  );

  it(
    'keeps every comment text written, once, and leaves nothing pending',
    async () => {
      await fc.assert(
        fc.asyncProperty(discussionSteps, async (plan) => {
          const outcome = await story(plan);

          expect(outcome.bodies).toEqual(expect.arrayContaining(outcome.owed));
          expect(new Set(outcome.bodies).size).toBe(outcome.bodies.length);
          expect(outcome.pending).toBe(0);
        }),
        runs,
      );
    },
    timeout,
  );

  it(
    "shows Bob's endorsement held on his devices exactly when the server has it",
    async () => {
      await fc.assert(
        fc.asyncProperty(discussionSteps, async (plan) => {
          const outcome = await story(plan);

          for (const { device, server } of outcome.held) {
            expect(device).toBe(server);
          }
        }),
        runs,
      );
    },
    timeout,
  );
});
