import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserSyncAlarm, SYNC_ALARM } from '@/utils/browser/alarms';
import { onBackOnline } from '@/utils/browser/online';
import { startSyncTriggers } from '@/utils/background/sync-triggers';
import type { SyncScheduler } from '@/utils/background/sync-scheduler';
import { ClipRepository } from '@/utils/store/clip-repository';
import { INITIAL_SYNC_STATE } from '@/utils/sync/sync-state';
import { countingClock, fakeCapture } from '../fakes/captures';
import { freshDatabase } from '../fakes/database';

/** A scheduler that writes down what it was asked. */
function recordingScheduler(calls: string[]): SyncScheduler {
  return {
    now: async () => {
      calls.push('now');
      return INITIAL_SYNC_STATE;
    },
    soon: () => void calls.push('soon'),
  };
}

async function until(check: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 50 && !check(); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('startSyncTriggers', () => {
  it('syncs when the minute alarm fires', async () => {
    const calls: string[] = [];
    startSyncTriggers(freshDatabase(), {
      alarm: browserSyncAlarm(),
      scheduler: recordingScheduler(calls),
      onBackOnline: () => undefined,
    });

    await fakeBrowser.alarms.onAlarm.trigger({
      name: SYNC_ALARM,
      scheduledTime: Date.now(),
    });

    expect(calls).toEqual(['now']);
  });

  it('ignores alarms that are not the sync’s', async () => {
    const calls: string[] = [];
    startSyncTriggers(freshDatabase(), {
      alarm: browserSyncAlarm(),
      scheduler: recordingScheduler(calls),
      onBackOnline: () => undefined,
    });

    await fakeBrowser.alarms.onAlarm.trigger({
      name: 'other',
      scheduledTime: Date.now(),
    });

    expect(calls).toEqual([]);
  });

  it('syncs when the browser comes back online', () => {
    const calls: string[] = [];
    const worker = new EventTarget();
    startSyncTriggers(freshDatabase(), {
      alarm: browserSyncAlarm(),
      scheduler: recordingScheduler(calls),
      onBackOnline: (listener) => onBackOnline(listener, worker),
    });

    worker.dispatchEvent(new Event('online'));

    expect(calls).toEqual(['now']);
  });

  it('asks for a sync soon after a draft is saved', async () => {
    const calls: string[] = [];
    const db = freshDatabase();
    const subscription = startSyncTriggers(db, {
      alarm: browserSyncAlarm(),
      scheduler: recordingScheduler(calls),
      onBackOnline: () => undefined,
    });
    await new Promise((resolve) => setTimeout(resolve, 20));

    await new ClipRepository(db, countingClock()).createDraft(fakeCapture());
    await until(() => calls.length > 0);
    subscription.unsubscribe();

    expect(calls).toEqual(['soon']);
  });
});

describe('browserSyncAlarm', () => {
  it('schedules a sync every minute and clears it', async () => {
    const alarm = browserSyncAlarm();

    await alarm.start();
    const started = await fakeBrowser.alarms.get(SYNC_ALARM);
    await alarm.stop();

    expect([
      started?.periodInMinutes,
      await fakeBrowser.alarms.get(SYNC_ALARM),
    ]).toEqual([1, undefined]);
  });
});
