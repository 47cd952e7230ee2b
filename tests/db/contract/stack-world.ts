import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import {
  startLocalStack,
  type LocalStack,
} from '../../../local-stack/stack.ts';
import type { Database } from '../../../utils/remote/database.types';
import { createSupabaseRemote } from '../../../utils/remote/supabase-remote';
import type { ContractWorld } from './contract-world';

/** The demo accounts of supabase/seed.sql share this password. */
const password = 'peerclip-demo';

/**
 * A supabase-js client of the stack. Node 20 has no global WebSocket, and
 * createClient refuses to build its realtime client without one.
 */
export function stackClient(stack: LocalStack) {
  return createClient<Database>(stack.url, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  });
}

/** The local stack with the demo organisation of seed.sql. */
export async function startStackWorld(): Promise<ContractWorld> {
  const stack = await startLocalStack({
    port: 0,
    seed: true,
    printEmails: false,
  });
  const signedOut = () => createSupabaseRemote(stackClient(stack));

  return {
    accounts: { alice: 'alice@example.com', bob: 'bob@example.com', password },
    async device(email) {
      const remote = signedOut();
      await remote.signInWithPassword(email, password);
      return remote;
    },
    signedOut,
    latestCode: (email) => stack.mailbox.latestCode(email),
    stop: () => stack.stop(),
  };
}
