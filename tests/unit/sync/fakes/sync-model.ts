import fc from 'fast-check';
import { nextBatch } from '@/utils/sync/next-batch';
import { fakeCapture } from '../../fakes/captures';
import type { NetworkFault } from './fake-remote';
import type { Device } from './sync-world';

/** One step of the story of two devices of one person. */
export type Step =
  | { kind: 'create'; device: number }
  | { kind: 'edit'; device: number; pick: number }
  | { kind: 'discard'; device: number; pick: number }
  | {
      kind: 'sync';
      device: number;
      fault: NetworkFault | 'none';
      /** Changes a request carries: small ones keep two batches in flight. */
      batch: number;
    }
  | { kind: 'expire'; device: number }
  | { kind: 'stop'; device: number; batches: number };

const device = fc.integer({ min: 0, max: 1 });
const pick = fc.nat({ max: 3 });
const batch = fc.constantFrom(1, 1, 2, 500);
const fault = fc.constantFrom<NetworkFault | 'none'>(
  'none',
  'none',
  'none',
  'before-send',
  'after-apply',
  'deliver-twice',
);

/**
 * Random steps: edits, syncs through faults, expiries, worker stops.
 * Weighted towards edits and syncs, so both devices often hold and edit
 * the same clip and conflicts are common.
 */
export const steps = fc.array(
  fc.oneof(
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('create' as const), device }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('edit' as const),
        device,
        pick,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('discard' as const),
        device,
        pick,
      }),
    },
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('sync' as const),
        device,
        fault,
        batch,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('expire' as const), device }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('stop' as const),
        device,
        batches: fc.constantFrom(1, 2),
      }),
    },
  ),
  { maxLength: 14 },
);

/**
 * What the person wrote: every note, and the notes they replaced or
 * discarded themselves, which nobody owes them any more.
 */
export class Writing {
  readonly written = new Set<string>();
  readonly replaced = new Set<string>();
  private count = 0;

  /** A note nobody wrote before, so a duplicate is visible. */
  nextNote(device: Device): string {
    this.count += 1;
    const note = `${device.name} note ${this.count}`;
    this.written.add(note);
    return note;
  }

  /** Notes that must still exist somewhere. */
  owed(): string[] {
    return [...this.written].filter((note) => !this.replaced.has(note));
  }
}

/** Plays one step on the devices. */
export async function play(
  step: Step,
  devices: Device[],
  writing: Writing,
): Promise<void> {
  const target = devices[step.device] as Device;
  const drafts = await target.clips.listDrafts();
  const chosen =
    drafts[('pick' in step ? step.pick : 0) % (drafts.length || 1)];

  switch (step.kind) {
    case 'create':
      await target.clips.createDraft(fakeCapture());
      return;
    case 'edit':
      if (!chosen) return;
      if (chosen.note) writing.replaced.add(chosen.note);
      await target.clips.annotate(chosen.id, {
        note: writing.nextNote(target),
      });
      return;
    case 'discard':
      if (!chosen) return;
      if (chosen.note) writing.replaced.add(chosen.note);
      await target.clips.discardDraft(chosen.id);
      return;
    case 'sync':
      if (step.fault !== 'none') target.remote.network.faults.push(step.fault);
      await target.sync({ maxItems: step.batch, maxBytes: 2e6 });
      target.remote.network.faults.length = 0;
      return;
    case 'expire':
      target.remote.expireSession();
      return;
    case 'stop':
      await stopMidPush(target, step.batches);
  }
}

/**
 * The worker stops between sending batches and hearing their answers:
 * the server applied them, the browser only froze the changes it sent.
 * With two, the second left while the first travelled, as a push does.
 */
async function stopMidPush(target: Device, batches: number): Promise<void> {
  const session = await target.remote.getSession().catch(() => null);
  const limits = { maxItems: 1, maxBytes: 2e6 };
  const first = await nextBatch(target.db, limits);
  const second = batches > 1 ? await nextBatch(target.db, limits, first) : [];
  if (!session) return;

  for (const batch of [first, second]) {
    if (batch.length === 0) continue;
    const changes = batch.map(({ change }) => change);
    await target.remote.push(changes).catch(() => undefined);
  }
}
