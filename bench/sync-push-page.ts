// The Chromium side of bench/sync-push-browser.mjs: bundled into a page
// served from 127.0.0.1, it runs the push measurements over the browser's
// own IndexedDB, as the extension's background does.
import { createClient } from '@supabase/supabase-js';
import type { Database } from '../utils/remote/database.types';
import {
  countingFetch,
  measureSync,
  signInDemo,
  type PushFigures,
} from './sync-push-measure';

declare global {
  interface Window {
    /** Measures a push against the local stack at `url`. */
    peerclipSyncBench(
      url: string,
      anonKey: string,
      options: { rttMs: number; rounds: number; steps: boolean },
    ): Promise<PushFigures>;
  }
}

window.peerclipSyncBench = async (url, anonKey, options) => {
  const { rttMs, rounds, steps } = options;
  const requests = countingFetch(rttMs);
  const client = createClient<Database>(url, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    global: { fetch: requests.fetch },
  });
  const session = await signInDemo(client, requests);
  const prefix = `sync-bench-${Date.now()}`;
  return measureSync(session, { prefix, rounds, steps });
};
