// The Chromium side of bench/sync-push-browser.mjs: bundled into a page
// served from 127.0.0.1, it runs the push measurements over the browser's
// own IndexedDB, as the extension's background does, and posts the
// figures, or why it failed, back to the server it came from.
import { createClient } from '@supabase/supabase-js';
import type { Database } from '../utils/remote/database.types';
import {
  countingFetch,
  measureSync,
  signInDemo,
  type PushFigures,
} from './sync-push-measure';

/** What the server tells the page to measure. */
export interface PageSettings {
  /** The local stack's URL and anon key. */
  url: string;
  anonKey: string;
  rttMs: number;
  rounds: number;
  steps: boolean;
}

async function measure(settings: PageSettings): Promise<PushFigures> {
  const { url, anonKey, rttMs, rounds, steps } = settings;
  const requests = countingFetch(rttMs);
  const client = createClient<Database>(url, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    global: { fetch: requests.fetch },
  });
  const session = await signInDemo(client, requests);
  const prefix = `sync-bench-${Date.now()}`;
  return measureSync(session, { prefix, rounds, steps });
}

async function run(): Promise<void> {
  try {
    const settings = (await (await fetch('/settings')).json()) as PageSettings;
    const figures = await measure(settings);
    await fetch('/figures', { method: 'POST', body: JSON.stringify(figures) });
  } catch (error) {
    const reason = error instanceof Error ? error.stack : String(error);
    await fetch('/failure', { method: 'POST', body: reason });
  }
}

void run();
