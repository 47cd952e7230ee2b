// The work of bench/sync-push.mjs: the sync engine over real supabase-js
// against a seeded local stack, in Node with fake-indexeddb, with requests
// counted at the fetch level.
import 'fake-indexeddb/auto';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { startLocalStack } from '../local-stack/stack.ts';
import type { Database } from '../utils/remote/database.types';
import {
  countingFetch,
  describeFigures,
  measureSync,
  roundsArgument,
  signInDemo,
} from './sync-push-measure';

// `--rtt 30` adds 30 ms to every request, as a network between the browser
// and a hosted project would; the default measures the bare local stack.
const rttArg = process.argv.indexOf('--rtt');
const rttMs = rttArg > 0 ? Number(process.argv[rttArg + 1]) : 0;

async function main() {
  const stack = await startLocalStack({ port: 0, printEmails: false });
  console.log(`added round trip per request: ${rttMs} ms`);
  try {
    const requests = countingFetch(rttMs);
    const client = createClient<Database>(stack.url, stack.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: WebSocket as never },
      global: { fetch: requests.fetch },
    });
    const session = await signInDemo(client, requests);
    const figures = await measureSync(session, {
      prefix: 'sync-bench',
      rounds: roundsArgument(process.argv),
      steps: process.argv.includes('--steps'),
    });
    for (const line of describeFigures(figures)) console.log(line);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error('[peerclip] The sync benchmark failed.', error);
  process.exitCode = 1;
});
