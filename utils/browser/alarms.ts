import { browser } from 'wxt/browser';

/** The name of the alarm that syncs every minute while signed in. */
export const SYNC_ALARM = 'peerclip-sync';

/** Chrome's shortest period for a packed extension's alarm. */
const PERIOD_MINUTES = 1;

/** The sync schedule: an alarm survives the worker being stopped. */
export interface SyncAlarm {
  start(): Promise<void>;
  stop(): Promise<void>;
  onFire(listener: () => void): void;
}

/** The sync schedule over `browser.alarms`. */
export function browserSyncAlarm(): SyncAlarm {
  return {
    async start() {
      // Creating it again would restart the minute; keep the running one.
      if (await browser.alarms.get(SYNC_ALARM)) return;
      await browser.alarms.create(SYNC_ALARM, {
        periodInMinutes: PERIOD_MINUTES,
      });
    },
    async stop() {
      await browser.alarms.clear(SYNC_ALARM);
    },
    onFire(listener) {
      browser.alarms.onAlarm.addListener((alarm) => {
        if (alarm.name === SYNC_ALARM) listener();
      });
    },
  };
}
