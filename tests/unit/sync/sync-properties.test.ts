import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alice, fakeWorkspace, signedInDevice } from './fakes/sync-world';
import { play, steps, Writing } from './fakes/sync-model';
import type { FakeWorkspace } from './fakes/fake-workspace';
import type { Device } from './fakes/sync-world';

interface Outcome {
  server: string[];
  devices: string[][];
  notes: string[];
  owed: string[];
  pending: number;
}

/** Plays the steps on two devices of Alice, then syncs both to the end. */
async function story(plan: Parameters<typeof play>[0][]): Promise<Outcome> {
  const workspace = fakeWorkspace();
  const devices = [
    await signedInDevice(workspace, alice, 'laptop'),
    await signedInDevice(workspace, alice, 'desktop'),
  ];
  const writing = new Writing();
  for (const step of plan) await play(step, devices, writing);

  // The first round sends a change a request, so batches overlap.
  for (let round = 0; round < 3; round += 1) {
    const limits = round === 0 ? { maxItems: 1, maxBytes: 2e6 } : undefined;
    for (const device of devices) await device.sync(limits);
  }
  const outcome = await observe(workspace, devices, writing);
  await Promise.all(devices.map((device) => device.db.delete()));
  return outcome;
}

async function observe(
  workspace: FakeWorkspace,
  devices: Device[],
  writing: Writing,
): Promise<Outcome> {
  const kept = workspace.keptClips(alice.id);
  const held = await Promise.all(
    devices.map((device) => device.db.clips.toArray()),
  );
  const pending = await Promise.all(
    devices.map((device) => device.db.outbox.count()),
  );
  return {
    server: kept.map((row) => `${row.id} ${row.note}`).sort(),
    devices: held.map((clips) =>
      clips.map((clip) => `${clip.id} ${clip.note}`).sort(),
    ),
    notes: kept.map((row) => String(row.note)).filter(Boolean),
    owed: writing.owed(),
    pending: pending[0]! + pending[1]!,
  };
}

const runs = { numRuns: 500 };
// Generous: the machine running the suite is shared.
const timeout = 60_000;

describe('sync of two devices of one person', () => {
  it(
    'leaves every device holding exactly what the server keeps',
    async () => {
      await fc.assert(
        fc.asyncProperty(steps, async (plan) => {
          const outcome = await story(plan);

          expect(outcome.devices).toEqual([outcome.server, outcome.server]);
        }),
        runs,
      );
    },
    timeout,
  );

  it(
    'keeps every note written, as a clip or a conflict copy',
    async () => {
      await fc.assert(
        fc.asyncProperty(steps, async (plan) => {
          const outcome = await story(plan);

          expect(outcome.notes).toEqual(expect.arrayContaining(outcome.owed));
        }),
        runs,
      );
    },
    timeout,
  );

  it(
    'never keeps a note twice and leaves nothing pending',
    async () => {
      await fc.assert(
        fc.asyncProperty(steps, async (plan) => {
          const outcome = await story(plan);

          expect(new Set(outcome.notes).size).toBe(outcome.notes.length);
          expect(outcome.pending).toBe(0);
        }),
        runs,
      );
    },
    timeout,
  );
});
